package org.jvswitch.ofproto;

/** Receives the BPDUs a bridge's ports take in (spanning tree's slow path). */
@FunctionalInterface
public interface BpduHandler {
    void receive(Ofproto bridge, int ofport, byte[] frame, int len);
}
