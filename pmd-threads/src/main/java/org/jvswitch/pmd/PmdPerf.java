package org.jvswitch.pmd;

/**
 * A PMD thread's per-iteration histograms, what {@code dpif-netdev/pmd-perf-show} prints under
 * "Histograms" (Open vSwitch's pmd_perf_stats histograms), with OVS's bins:
 *
 * <pre>
 *   cycles/it       TSC cycles per iteration              log, 500 .. 24M
 *   packets/it      packets received per iteration        log, 0 .. 1000
 *   cycles/pkt      busy cycles per packet, busy its      linear, 100 .. 30000
 *   pkts/batch      packets per rx burst                   linear, 0 .. 32
 *   max vhost qlen  not measured (always empty)           log, 0 .. 512
 *   upcalls/it      upcalls queued per iteration          linear, 0 .. 30
 * </pre>
 *
 * ("cycles/upcall" is recorded by the upcall handler serving the PMD, since upcalls are handled
 * there: {@code DpifNetdev.upcallCycles(pmd)}.) Written by the PMD thread only; any thread reads.
 * Nothing here allocates after construction.
 */
public final class PmdPerf {
    public final PmdHistogram cyclesPerIteration = PmdHistogram.log(500, 24_000_000);
    public final PmdHistogram packetsPerIteration = PmdHistogram.log(0, 1000);
    public final PmdHistogram cyclesPerPacket = PmdHistogram.linear(100, 30_000);
    public final PmdHistogram packetsPerBatch = PmdHistogram.linear(0, 32);
    public final PmdHistogram maxVhostQlen = PmdHistogram.log(0, 512);
    public final PmdHistogram upcallsPerIteration = PmdHistogram.linear(0, 30);

    /** PMD thread: one iteration's figures. */
    void iteration(long cycles, int packets, int upcalls) {
        cyclesPerIteration.record(cycles);
        if (packets == 0) {
            packetsPerIteration.recordZero();
        } else {
            packetsPerIteration.record(packets);
            cyclesPerPacket.record(cycles / packets);
        }
        if (upcalls == 0) {
            upcallsPerIteration.recordZero();
        } else {
            upcallsPerIteration.record(upcalls);
        }
    }
}
