package org.jvswitch.dpdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EalArgsTest {
    @Test
    void defaultsFloatTheMainLcoreAndRunInMemory() {
        List<String> args = EalArgs.build(Map.of(), "ovs-vswitchd", "jvs-42", "0-3");
        assertEquals(List.of("ovs-vswitchd", "--lcores=0@(0-3)", "--in-memory", "--file-prefix=jvs-42"), args);
    }

    @Test
    void ovsKeysMapToEalOptions() {
        List<String> args = EalArgs.build(Map.of("dpdk-lcore-mask", "0x2", "dpdk-socket-mem", "1024,0",
                "dpdk-socket-limit", "2048,0", "dpdk-alloc-mem", "512", "dpdk-extra", " -a 0000:01:00.0  --log-level=8"),
                "ovs-vswitchd", "p", "0");
        assertEquals(List.of("ovs-vswitchd", "-c", "0x2", "--socket-mem", "1024,0", "--socket-limit", "2048,0", "-m",
                "512", "--in-memory", "--file-prefix=p", "-a", "0000:01:00.0", "--log-level=8"), args);
    }

    @Test
    void extraOptionsWinOverOurDefaults() {
        List<String> args = EalArgs.build(Map.of("dpdk-extra", "-l 1 --no-huge --file-prefix=mine"), "x", "p", "0-1");
        assertFalse(args.stream().anyMatch(a -> a.startsWith("--lcores")));
        assertFalse(args.contains("--in-memory"), "--in-memory does not go with --no-huge");
        assertTrue(args.contains("--no-shconf"));
        assertFalse(args.contains("--file-prefix=p"));
        assertTrue(EalArgs.noHuge(args));
    }

    @Test
    void badValuesNameTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> EalArgs.build(Map.of("dpdk-lcore-mask", "0xZZ"), "x", "p", "0"));
        assertTrue(e.getMessage().contains("dpdk-lcore-mask"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EalArgs.build(Map.of("dpdk-lcore-mask", "0"), "x", "p", "0"));
        e = assertThrows(IllegalArgumentException.class,
                () -> EalArgs.build(Map.of("dpdk-socket-mem", "lots"), "x", "p", "0"));
        assertTrue(e.getMessage().contains("dpdk-socket-mem"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EalArgs.build(Map.of("dpdk-hugepage-dir", "/no/such/dir"), "x", "p", "0"));
        assertTrue(e.getMessage().contains("dpdk-hugepage-dir"), e.getMessage());
    }

    @Test
    void allowedCpusIsACpuList() {
        assertTrue(EalArgs.allowedCpus().matches("[0-9,\\-]+"), EalArgs.allowedCpus());
    }
}
