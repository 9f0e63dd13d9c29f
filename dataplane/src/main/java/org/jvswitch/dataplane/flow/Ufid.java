package org.jvswitch.dataplane.flow;

/** A datapath flow's unique identifier: 128 bits, as Open vSwitch's UFIDs. */
public record Ufid(long hi, long lo) {
}
