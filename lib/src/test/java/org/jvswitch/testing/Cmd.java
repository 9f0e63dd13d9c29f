package org.jvswitch.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion for a test and captures what it printed.
 *
 * <pre>{@code
 * Cmd.Result r = Cmd.run(Duration.ofSeconds(10), Map.of("OVS_RUNDIR", dir.toString()),
 *         appctl.toString(), "-t", "ovs-vswitchd", "version");
 * assertEquals(0, r.exitCode(), r.stderr());
 * }</pre>
 *
 * <p>The child inherits this process's environment with {@code env} laid over it (a null value
 * removes a variable). Its output is read on two virtual threads while it runs, so a chatty
 * program cannot fill a pipe and hang. On timeout the process and its descendants are killed
 * and the result says {@link Result#timedOut()}, with exit code 124 like timeout(1).
 */
public final class Cmd {

    /** Exit code reported for a process killed on timeout. */
    public static final int TIMEOUT_EXIT_CODE = 124;

    private Cmd() {
    }

    /** What a finished (or killed) program did. */
    public record Result(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {

        /** True if it exited with 0. */
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** A one-stop description for assertion messages. */
        @Override
        public String toString() {
            return String.join(" ", argv) + " -> exit " + exitCode + (timedOut ? " (timed out)" : "")
                    + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs {@code argv} with {@code env} added to the environment, for at most {@code timeout}. */
    public static Result run(Duration timeout, Map<String, String> env, String... argv) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (env != null) {
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv[0], e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().start(() -> drain(p.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().start(() -> drain(p.getErrorStream(), err));
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + argv[0], e);
        }
        return new Result(List.of(argv), timedOut ? TIMEOUT_EXIT_CODE : p.exitValue(),
                out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), timedOut);
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException e) {
            // the process was killed: keep what was read
        }
    }
}
