package org.jvswitch.dataplane.odp;

import java.util.Arrays;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

/**
 * A parsed datapath flow match: a key and a mask in {@link FlowKey} layout, and the UFID the
 * text gave ({@code ufid:...}), or null.
 *
 * <p>The key holds the values as written, masked or not ({@code src=10.0.0.1/255.255.255.0}
 * keeps the .1), as OVS's userspace datapath shows them; {@link #maskedKey()} is what a
 * classifier stores.
 */
public record OdpMatch(long[] key, long[] mask, Ufid ufid) {

    public long[] maskedKey() {
        long[] k = new long[FlowKey.WORDS];
        for (int i = 0; i < k.length; i++) {
            k[i] = key[i] & mask[i];
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdpMatch m && Arrays.equals(m.key, key) && Arrays.equals(m.mask, mask)
                && java.util.Objects.equals(m.ufid, ufid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        return "OdpMatch[" + OdpKey.format(key, mask, true, PortNames.NUMBERS)
                + (ufid == null ? "" : ", " + Ufids.format(ufid)) + "]";
    }
}
