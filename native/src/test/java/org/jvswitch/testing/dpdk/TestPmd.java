package org.jvswitch.testing.dpdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvswitch.testing.Peers;

/**
 * {@code dpdk-testpmd} as a vhost-user guest: a virtio-user port (the guest side of a virtio
 * device, over a vhost-user socket) forwarding in {@code io} mode with loop topology, so every
 * packet the switch sends to the guest comes straight back unchanged.
 *
 * <p>It runs in memory with hugepages in one file descriptor per segment list (vhost-user shares
 * guest memory by fd), its own file prefix, few mbufs, and no PCI scan. Its stdin stays open (in
 * non-interactive mode testpmd exits at end of input). Output goes to a log file the test names,
 * shown when a test fails.
 */
public final class TestPmd implements AutoCloseable {
    private final Process process;
    private final Path log;

    private final Path runtimeDir;

    private TestPmd(Process process, Path log, Path runtimeDir) {
        this.process = process;
        this.log = log;
        this.runtimeDir = runtimeDir;
    }

    /**
     * @param virtioUser e.g. {@code path=/run/x/vhu0,queues=1} (add {@code server=1} for a guest
     *                   that is the vhost-user server)
     */
    public static TestPmd start(String virtioUser, Path log) throws IOException {
        Path bin = Peers.require("dpdk-testpmd");
        String prefix = "jvs-guest-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        List<String> argv = new ArrayList<>(List.of(bin.toString(), "-l", "0,1", "--no-pci", "--in-memory",
                "--single-file-segments", "--no-telemetry", "--file-prefix=" + prefix, "-m", "128",
                "--vdev=net_virtio_user0," + virtioUser, "--",
                "--no-mlockall", "--total-num-mbufs=2048", "--forward-mode=io", "--port-topology=loop",
                "--rxq=1", "--txq=1", "--auto-start", "--stats-period=1"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        return new TestPmd(pb.start(), log, Path.of("/var/run/dpdk", prefix));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What testpmd printed so far (last 4 KiB). */
    public String output() {
        try {
            String s = Files.readString(log);
            return s.length() > 4096 ? s.substring(s.length() - 4096) : s;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the guest the way a VM dies: SIGKILL, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        removeRuntimeDir();
    }

    /** DPDK leaves an (empty, with --no-telemetry) runtime directory behind. */
    private void removeRuntimeDir() {
        try {
            Files.deleteIfExists(runtimeDir);
        } catch (IOException e) {
            // not empty or not ours: leave it
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        removeRuntimeDir();
    }
}
