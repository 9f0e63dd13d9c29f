package org.jvswitch.stp;

/**
 * Where a spanning tree engine sends the BPDUs it generates. The engine calls it on the thread
 * that called into it, after the call's state changes are complete, so the sink may deliver the
 * frame synchronously (even to another engine, or back to this one through a patch port).
 */
@FunctionalInterface
public interface BpduSink {

    /**
     * Transmits {@code frame} on spanning tree port {@code portNo}: a complete Ethernet frame
     * (802.3 header to 01:80:c2:00:00:00, LLC, BPDU, zero padding to 60 bytes). The source MAC
     * is the bridge's address; the bridge may overwrite bytes 6..11 with the port's own MAC.
     * The array belongs to the sink.
     */
    void send(int portNo, byte[] frame);
}
