package org.jvswitch.testing.vswitchd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;

/**
 * The switch as its users run it: a separate {@code ovs-vswitchd} process (jvswitch's Main on this
 * test's class path, with the launcher's JVM flags) in a private run directory, driven with the
 * real {@code ovs-appctl}. Its log is shown when a test fails ({@link #log()}).
 */
public final class VswitchdProcess implements AutoCloseable {
    private static final Duration APPCTL_TIMEOUT = Duration.ofSeconds(30);

    private final TempRunDir dir;
    private final Process process;
    private final Path appctl;
    /** Whether {@link #close} removes the directory (false when the caller gave it). */
    private boolean ownsDir;

    private VswitchdProcess(TempRunDir dir, Process process, Path appctl) {
        this.dir = dir;
        this.process = process;
        this.appctl = appctl;
    }

    /**
     * Starts a switch and waits until it answers {@code ovs-appctl version}.
     *
     * @param extraArgs more ovs-vswitchd arguments, e.g. {@code --other-config=pmd-maxsleep=100}
     */
    public static VswitchdProcess start(String... extraArgs) throws IOException, InterruptedException {
        TempRunDir dir = TempRunDir.create();
        try {
            VswitchdProcess vs = start(dir, extraArgs);
            vs.ownsDir = true;
            return vs;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Starts a switch inside network namespace {@code netns} ({@code ip netns exec}, which execs,
     * so the process keeps its pid): its system ports, internal ports' taps and the kernel routes it
     * follows are that namespace's, while its run directory, sockets and database are the test's as
     * usual. DPDK's file prefix is per process, so several can run at once.
     */
    public static VswitchdProcess startInNetns(String netns, String... extraArgs)
            throws IOException, InterruptedException {
        TempRunDir dir = TempRunDir.create();
        try {
            VswitchdProcess vs = start(dir, List.of("ip", "netns", "exec", netns), extraArgs);
            vs.ownsDir = true;
            return vs;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            dir.close();
            throw e;
        }
    }

    /** Starts a switch in an existing directory (the caller owns it and removes it). */
    public static VswitchdProcess start(TempRunDir dir, String... extraArgs) throws IOException, InterruptedException {
        return start(dir, List.of(), extraArgs);
    }

    private static VswitchdProcess start(TempRunDir dir, List<String> wrapper, String... extraArgs)
            throws IOException, InterruptedException {
        Path appctl = Peers.require("ovs-appctl");
        Process p = launch(dir, wrapper, extraArgs);
        VswitchdProcess vs = new VswitchdProcess(dir, p, appctl);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("ovs-vswitchd exited with " + p.exitValue() + ":\n" + vs.log());
            }
            if (Files.exists(dir.resolve("ovs-vswitchd." + p.pid() + ".ctl"))) {
                Cmd.Result show = vs.appctl("dpctl/show");
                if (show.ok() || show.exitCode() == 2 && !show.stderr().contains("still starting")) {
                    return vs;
                }
            }
            Thread.sleep(100);
        }
        vs.close();
        throw new AssertionError("ovs-vswitchd did not answer within 60 s:\n" + vs.log());
    }

    /** Starts ovs-vswitchd in {@code dir} and returns the process without waiting for it. */
    public static Process launch(TempRunDir dir, String... extraArgs) throws IOException {
        return launch(dir, List.of(), extraArgs);
    }

    /** Starts ovs-vswitchd in {@code dir} under {@code wrapper} (a command that execs the rest: ip netns exec NS). */
    private static Process launch(TempRunDir dir, List<String> wrapper, String... extraArgs) throws IOException {
        List<String> argv = new ArrayList<>(wrapper);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djava.library.path=" + System.getProperty("java.library.path"), "-Xmx256m",
                "-cp", classPath(), "org.jvswitch.vswitchd.Main", "--pidfile", "--log-file",
                "-vconsole:off", "-vfile:info"));
        argv.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ovs-vswitchd.out").toFile());
        pb.environment().putAll(dir.env());
        return pb.start();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }

    public TempRunDir dir() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Runs the real ovs-appctl against this switch ({@code -t <ctl socket>}). */
    public Cmd.Result appctl(String... args) {
        List<String> argv = new ArrayList<>(List.of(appctl.toString(), "-t",
                dir.resolve("ovs-vswitchd." + process.pid() + ".ctl").toString()));
        argv.addAll(List.of(args));
        return Cmd.run(APPCTL_TIMEOUT, dir.env(), argv.toArray(String[]::new));
    }

    /** Runs ovs-appctl and returns its output, failing the test if it failed. */
    public String appctlOk(String... args) {
        Cmd.Result r = appctl(args);
        if (!r.ok()) {
            throw new AssertionError(r + "\n--- switch log\n" + log());
        }
        return r.stdout();
    }

    /**
     * Runs the real ovs-vsctl against this switch's database ({@code $OVS_RUNDIR/db.sock}),
     * waiting for the switch to apply the change unless {@code --no-wait} is among the args.
     */
    public Cmd.Result vsctl(String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-vsctl").toString(), "--timeout=30"));
        argv.addAll(List.of(args));
        return Cmd.run(APPCTL_TIMEOUT.plusSeconds(5), dir.env(), argv.toArray(String[]::new));
    }

    /** Runs ovs-vsctl and returns its output, failing the test if it failed. */
    public String vsctlOk(String... args) {
        Cmd.Result r = vsctl(args);
        if (!r.ok()) {
            throw new AssertionError(r + "\n--- switch log\n" + log());
        }
        return r.stdout();
    }

    /** The switch's log file and console output. */
    public String log() {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("ovs-vswitchd.log", "ovs-vswitchd.out")) {
            try {
                String s = Files.readString(dir.resolve(f));
                sb.append("--- ").append(f).append('\n').append(s.length() > 8000 ? s.substring(s.length() - 8000) : s);
            } catch (IOException e) {
                sb.append("--- ").append(f).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Asks the switch to exit; waits, then kills it if it did not. Returns its exit status. */
    public int stop() throws InterruptedException {
        if (process.isAlive()) {
            appctl("exit");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            if (ownsDir) {
                dir.close();
            }
        }
    }

    /** Environment for OVS tools pointed at this switch's directories. */
    public Map<String, String> env() {
        return dir.env();
    }
}
