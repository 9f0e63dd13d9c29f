package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.junit.jupiter.api.Test;

class UfidsTest {

    @Test
    void textIsTheTwoLongsInOrder() {
        Ufid u = new Ufid(0xb821c4097500_47e7L, 0xb0e7994dd328d975L);
        assertEquals("ufid:b821c409-7500-47e7-b0e7-994dd328d975", Ufids.format(u));
        assertEquals(u, Ufids.parse("ufid:b821c409-7500-47e7-b0e7-994dd328d975"));
        assertEquals(u, Ufids.parse("B821C409-7500-47E7-B0E7-994DD328D975"));
        assertEquals("ufid:00000000-0000-0000-0000-000000000000", Ufids.format(new Ufid(0, 0)));
        assertEquals("ufid:ffffffff-ffff-ffff-ffff-ffffffffffff", Ufids.format(new Ufid(-1, -1)));
    }

    @Test
    void computedUfidsAreStableVersion4Uuids() {
        OdpMatch m = OdpKey.parseDatapathFlow("in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no)", null);
        Ufid u = Ufids.of(m.key(), m.mask());
        assertEquals(u, Ufids.of(m.key(), m.mask()));
        String text = Ufids.format(u);
        assertEquals('4', text.charAt(5 + 14), "version nibble");
        assertEquals(0b10, Character.digit(text.charAt(5 + 19), 16) >>> 2, "RFC 4122 variant");
    }

    @Test
    void computedUfidsDependOnMaskedKeyAndMask() {
        OdpMatch a = OdpKey.parse("in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2/255.255.255.0)");
        OdpMatch b = OdpKey.parse("in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.9/255.255.255.0)");
        OdpMatch c = OdpKey.parse("in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2/255.255.0.0)");
        assertEquals(Ufids.of(a.key(), a.mask()), Ufids.of(b.key(), b.mask()), "bits outside the mask do not count");
        assertNotEquals(Ufids.of(a.key(), a.mask()), Ufids.of(c.key(), c.mask()));
    }

    @Test
    void noCollisionsAmongManyKeys() {
        SplittableRandom r = new SplittableRandom(7);
        Set<Ufid> seen = new HashSet<>();
        long[] mask = new long[FlowKey.WORDS];
        java.util.Arrays.fill(mask, -1L);
        for (int i = 0; i < 20_000; i++) {
            long[] key = new long[FlowKey.WORDS];
            key[r.nextInt(FlowKey.WORDS)] = r.nextLong();
            key[0] = i;
            seen.add(Ufids.of(key, mask));
        }
        assertEquals(20_000, seen.size());
    }
}
