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
