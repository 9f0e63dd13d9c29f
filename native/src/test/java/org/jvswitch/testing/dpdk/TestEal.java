package org.jvswitch.testing.dpdk;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpdk.EalArgs;
import org.jvswitch.dpdk.EthEvents;
import org.jvswitch.dpdk.MbufPools;

/**
 * DPDK for integration tests: one EAL per test JVM (DPDK allows no more), started on first use
 * with {@code --in-memory}, a per-process file prefix and no PCI scan, so tests never touch the
 * host's NICs and leave no files behind. Integration tests run only with {@code -Djvs.it=true}
 * ({@code ./jvs test} sets it); otherwise they are skipped.
 */
public final class TestEal {
    private static MbufPools pools;

    private TestEal() {
    }

    /** Skips the calling test unless integration tests are on; starts DPDK once. */
    public static synchronized void ensure() {
        Assumptions.assumeTrue(Boolean.getBoolean("jvs.it"),
                "DPDK integration tests run with -Djvs.it=true (./jvs test)");
        if (!Eal.isInitialized()) {
            Eal.init(EalArgs.build(Map.of("dpdk-extra", "--no-pci"), "jvs-test",
                    "jvs-test-" + ProcessHandle.current().pid(), EalArgs.allowedCpus()));
            EthEvents.start();
        }
    }

    /** Mbuf pools for test ports: small, shared by every test in the JVM. */
    public static synchronized MbufPools pools() {
        ensure();
        if (pools == null) {
            pools = new MbufPools(8191);
        }
        return pools;
    }
}
