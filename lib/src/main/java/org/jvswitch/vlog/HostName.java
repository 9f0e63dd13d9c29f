package org.jvswitch.vlog;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This host's name, for {@code %E} and remote syslog, read once. The kernel's name is used
 * rather than a DNS lookup so that logging never waits on the network.
 */
final class HostName {

    private static volatile String name;

    private HostName() {
    }

    static String get() {
        String n = name;
        if (n == null) {
            n = lookup();
            name = n;
        }
        return n;
    }

    private static String lookup() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!n.isEmpty()) {
                return n;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: fall through
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
