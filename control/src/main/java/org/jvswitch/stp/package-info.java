/**
 * Spanning tree protocol engines, as Open vSwitch exposes them: {@link org.jvswitch.stp.Stp}
 * (IEEE 802.1D-1998 clause 8, the semantics of OVS's {@code lib/stp.c}) and
 * {@link org.jvswitch.stp.Rstp} (IEEE 802.1D-2004 clause 17, the semantics of OVS's
 * {@code lib/rstp.c}).
 *
 * <p>Both are pure Java protocol engines with no dependency on DPDK or the datapath. The bridge
 * feeds them received BPDUs ({@code receive}), drives their timers from an injected clock
 * ({@code tick}), transmits the frames they hand to their {@link org.jvswitch.stp.BpduSink}, and
 * asks them which ports may learn and forward. Mutating calls come from one thread at a time
 * (the bridge serialises them); queries may come from any thread and read immutable snapshots
 * published through volatile fields.
 *
 * <p>Text outputs follow OVS's {@code stp/show} and {@code rstp/show}; status maps follow the
 * keys and value formats OVS writes to the {@code Bridge} and {@code Port} tables.
 */
package org.jvswitch.stp;
