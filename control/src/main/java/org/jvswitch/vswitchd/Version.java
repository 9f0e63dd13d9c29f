package org.jvswitch.vswitchd;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** jvswitch's version and the Open vSwitch release whose interfaces it follows. */
public final class Version {
    /** The Open vSwitch release whose protocols, schema and commands jvswitch follows. */
    public static final String OVS_COMPAT = "3.1.0";
    public static final String JVSWITCH = load();

    private Version() {
    }

    /** What {@code ovs-vswitchd --version} and {@code ovs-appctl version} print. */
    public static String banner(String program, String dpdkVersion) {
        return program + " (Open vSwitch) " + OVS_COMPAT + "\njvswitch " + JVSWITCH
                + (dpdkVersion.isEmpty() ? "" : " (" + dpdkVersion + ")") + "\n";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/jvswitch.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
