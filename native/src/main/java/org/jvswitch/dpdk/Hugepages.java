package org.jvswitch.dpdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel offers in hugepages, read from /proc/meminfo and /sys, so that EAL start-up can
 * say "no free hugepages, do this" in one line instead of failing deep inside DPDK.
 *
 * @param defaultSizeKb the default hugepage size in KiB (0 when the kernel has none)
 * @param total         reserved pages of the default size
 * @param free          free pages of the default size
 * @param freeGigantic  free 1 GiB pages (counted separately by the kernel)
 */
public record Hugepages(long defaultSizeKb, long total, long free, long freeGigantic) {

    public static Hugepages read() {
        long size = 0, total = 0, free = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("Hugepagesize:")) {
                    size = number(line);
                } else if (line.startsWith("HugePages_Total:")) {
                    total = number(line);
                } else if (line.startsWith("HugePages_Free:")) {
                    free = number(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new Hugepages(0, 0, 0, 0);
        }
        long gigantic = 0;
        Path giganticFree = Path.of("/sys/kernel/mm/hugepages/hugepages-1048576kB/free_hugepages");
        if (size != 1048576 && Files.isReadable(giganticFree)) {
            try {
                gigantic = Long.parseLong(Files.readString(giganticFree).trim());
            } catch (IOException | NumberFormatException e) {
                gigantic = 0;
            }
        }
        return new Hugepages(size, total, free, gigantic);
    }

    /** True when DPDK can get at least some hugepage memory. */
    public boolean available() {
        return free > 0 || freeGigantic > 0;
    }

    /** Free hugepage memory in MiB. */
    public long freeMb() {
        return free * defaultSizeKb / 1024 + freeGigantic * 1024;
    }

    private static long number(String line) {
        String[] words = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(words[0]);
    }
}
