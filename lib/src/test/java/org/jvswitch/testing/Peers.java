package org.jvswitch.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the real peer programs tests drive jvswitch with ({@code ovs-appctl}, {@code ovs-vsctl},
 * {@code ovs-ofctl}, {@code ovsdb-client}, ...).
 *
 * <p>A missing peer skips the test in a plain {@code mvn test}, but fails it in integration
 * mode ({@code -Djvs.it=true}, set by {@code ./jvs test}), where a skipped check would be a
 * silent hole. {@code -Djvs.peer.NAME=/path} points at a specific binary.
 */
public final class Peers {

    /** Directories searched after {@code $PATH}: where distributions put the OVS tools. */
    private static final List<String> EXTRA_DIRS = List.of(
            "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin");

    private Peers() {
    }

    /** True when running as integration tests ({@code -Djvs.it=true}). */
    public static boolean integrationMode() {
        return Boolean.getBoolean("jvs.it");
    }

    /**
     * The path of peer program {@code name}. If it is missing: fails in integration mode with
     * "NAME not found: run 'sudo ./jvs setup'", else aborts (skips) the calling test.
     */
    public static Path require(String name) {
        Path found = find(name);
        if (found == null) {
            String message = name + " not found: run 'sudo ./jvs setup'";
            if (integrationMode()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /** The path of peer program {@code name}, or null if it is not installed. */
    public static Path find(String name) {
        String override = System.getProperty("jvs.peer." + name);
        if (override != null && !override.isEmpty()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? p : null;
        }
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
