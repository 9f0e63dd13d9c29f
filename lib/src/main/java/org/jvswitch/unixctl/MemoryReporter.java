package org.jvswitch.unixctl;

import java.util.Map;

/**
 * Contributes figures to {@code memory/show} (OVS's memory_report): put counts of the things
 * that use memory into {@code usage}, e.g. {@code usage.put("rules", 5L)}. Called on the
 * unixctl control thread; must be quick.
 */
@FunctionalInterface
public interface MemoryReporter {

    void report(Map<String, Long> usage);
}
