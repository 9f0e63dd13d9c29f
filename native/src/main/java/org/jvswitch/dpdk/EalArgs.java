package org.jvswitch.dpdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds DPDK's EAL argument vector from the {@code Open_vSwitch other_config} keys Open vSwitch
 * uses, so an operator's existing configuration means the same thing to jvswitch:
 *
 * <pre>
 *   dpdk-lcore-mask     -c MASK              (else --lcores=0@(CPUS): the main lcore floats
 *                                             over every CPU this process may use)
 *   dpdk-socket-mem     --socket-mem LIST
 *   dpdk-socket-limit   --socket-limit LIST
 *   dpdk-alloc-mem      -m MB
 *   dpdk-hugepage-dir   --huge-dir DIR
 *   dpdk-extra          appended as is, split on white space
 * </pre>
 *
 * jvswitch adds {@code --in-memory} (no hugepage files left behind) and a per-process
 * {@code --file-prefix} unless {@code dpdk-extra} says otherwise; with {@code --no-huge}, which
 * DPDK does not combine with {@code --in-memory}, it adds {@code --no-shconf} instead.
 * Bad values throw {@link IllegalArgumentException} with a one-line reason naming the key.
 */
public final class EalArgs {
    private static final Pattern HEX_MASK = Pattern.compile("(0[xX])?[0-9a-fA-F]+");
    private static final Pattern MEM_LIST = Pattern.compile("\\d+(,\\d+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private EalArgs() {
    }

    /**
     * @param otherConfig the Open_vSwitch table's other_config column
     * @param program     argv[0], e.g. "ovs-vswitchd"
     * @param filePrefix  the --file-prefix to use when dpdk-extra does not give one
     * @param allowedCpus this process's CPUs as a Linux cpu list ("0-3,8"), for --lcores
     */
    public static List<String> build(Map<String, String> otherConfig, String program, String filePrefix,
                                     String allowedCpus) {
        List<String> extra = split(otherConfig.getOrDefault("dpdk-extra", ""));
        List<String> args = new ArrayList<>();
        args.add(program);

        String lcoreMask = otherConfig.get("dpdk-lcore-mask");
        if (lcoreMask != null) {
            require(HEX_MASK.matcher(lcoreMask).matches() && !isZeroMask(lcoreMask),
                    "other_config:dpdk-lcore-mask '" + lcoreMask + "' is not a non-zero hexadecimal CPU mask");
            args.add("-c");
            args.add(lcoreMask.startsWith("0x") || lcoreMask.startsWith("0X") ? lcoreMask : "0x" + lcoreMask);
        } else if (!hasAny(extra, "-c", "-l", "--lcores")) {
            args.add("--lcores=0@(" + allowedCpus + ")");
        }
        addList(args, otherConfig, "dpdk-socket-mem", "--socket-mem");
        addList(args, otherConfig, "dpdk-socket-limit", "--socket-limit");
        String allocMem = otherConfig.get("dpdk-alloc-mem");
        if (allocMem != null) {
            require(NUMBER.matcher(allocMem).matches(),
                    "other_config:dpdk-alloc-mem '" + allocMem + "' is not a number of megabytes");
            args.add("-m");
            args.add(allocMem);
        }
        String hugeDir = otherConfig.get("dpdk-hugepage-dir");
        if (hugeDir != null) {
            require(Files.isDirectory(Path.of(hugeDir)),
                    "other_config:dpdk-hugepage-dir '" + hugeDir + "' is not a directory");
            args.add("--huge-dir");
            args.add(hugeDir);
        }
        boolean noHuge = hasAny(extra, "--no-huge");
        if (!noHuge && !hasAny(extra, "--in-memory", "--legacy-mem")) {
            args.add("--in-memory");
        }
        if (noHuge && !hasAny(extra, "--no-shconf")) {
            args.add("--no-shconf");
        }
        if (!hasAny(extra, "--file-prefix")) {
            args.add("--file-prefix=" + filePrefix);
        }
        args.addAll(extra);
        return args;
    }

    /** Whether the arguments ask DPDK to run without hugepages. */
    public static boolean noHuge(List<String> args) {
        return hasAny(args, "--no-huge");
    }

    /** This process's allowed CPUs as a Linux cpu list, from /proc/self/status; "0" if unknown. */
    public static String allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through: a single CPU is always a valid answer
        }
        return "0";
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String word : s.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    private static void addList(List<String> args, Map<String, String> oc, String key, String flag) {
        String v = oc.get(key);
        if (v != null) {
            require(MEM_LIST.matcher(v).matches(),
                    "other_config:" + key + " '" + v + "' is not a comma-separated list of megabytes per NUMA node");
            args.add(flag);
            args.add(v);
        }
    }

    /** True if any argument is one of the options, alone or as "--opt=value". */
    private static boolean hasAny(List<String> args, String... options) {
        for (String a : args) {
            for (String o : options) {
                if (a.equals(o) || a.startsWith(o + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZeroMask(String mask) {
        String digits = mask.startsWith("0x") || mask.startsWith("0X") ? mask.substring(2) : mask;
        return digits.chars().allMatch(c -> c == '0');
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
