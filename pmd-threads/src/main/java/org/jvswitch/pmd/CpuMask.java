package org.jvswitch.pmd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU masks as Open vSwitch's other_config takes them ({@code pmd-cpu-mask=0x6}: cores 1 and 2),
 * and Linux cpu lists ("0-3,8").
 */
public final class CpuMask {
    private CpuMask() {
    }

    /**
     * Cores set in a hexadecimal mask, lowest first.
     *
     * @throws IllegalArgumentException when the text is not a non-zero hexadecimal mask
     */
    public static List<Integer> parseMask(String key, String mask) {
        String digits = mask.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        BigInteger bits;
        try {
            bits = new BigInteger(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("other_config:" + key + " '" + mask + "' is not a hexadecimal CPU mask");
        }
        if (bits.signum() <= 0) {
            throw new IllegalArgumentException("other_config:" + key + " '" + mask + "' selects no CPU");
        }
        List<Integer> cores = new ArrayList<>();
        for (int i = 0; i < bits.bitLength(); i++) {
            if (bits.testBit(i)) {
                cores.add(i);
            }
        }
        return cores;
    }

    /**
     * The PMD cores for other_config:pmd-cpu-mask as ovs-vswitchd takes it: the mask's cores this
     * process may run on (a core it may not is left out, and {@code warn} told), or, with no mask,
     * the first CPU it may run on.
     *
     * @param allowedCpus the process's CPUs as a Linux cpu list ({@code Cpus_allowed_list})
     * @throws IllegalArgumentException for a bad mask, or one with no allowed core
     */
    public static List<Integer> pmdCores(String mask, String allowedCpus, java.util.function.Consumer<String> warn) {
        List<Integer> allowed = parseList(allowedCpus);
        if (mask == null || mask.isBlank()) {
            return List.of(allowed.isEmpty() ? 0 : allowed.getFirst());
        }
        List<Integer> cores = new ArrayList<>();
        for (int core : parseMask("pmd-cpu-mask", mask)) {
            if (allowed.contains(core)) {
                cores.add(core);
            } else {
                warn.accept("other_config:pmd-cpu-mask " + mask + ": core " + core
                        + " is not one this process may run on (" + allowedCpus + "); no PMD thread there");
            }
        }
        if (cores.isEmpty()) {
            throw new IllegalArgumentException("other_config:pmd-cpu-mask '" + mask + "' has none of the CPUs this "
                    + "process may run on (" + allowedCpus + ")");
        }
        return cores;
    }

    /** CPUs in a Linux cpu list such as "0-3,8". */
    public static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int lo = Integer.parseInt(range[0].trim());
            int hi = range.length > 1 ? Integer.parseInt(range[1].trim()) : lo;
            for (int c = lo; c <= hi; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}
