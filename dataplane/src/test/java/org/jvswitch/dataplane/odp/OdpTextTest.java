package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small formats: IPv6 as glibc writes it, OVS's hex, C's %#x. */
class OdpTextTest {

    private static String v6(String s) {
        long[] v = OdpText.parseIpv6(s);
        return OdpText.ipv6(v[0], v[1]);
    }

    @Test
    void ipv6AsInetNtopWritesIt() {
        assertEquals("::", v6("0:0:0:0:0:0:0:0"));
        assertEquals("::1", v6("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1", v6("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("fe80::", v6("fe80:0:0:0:0:0:0:0"));
        assertEquals("1:0:0:2::3", v6("1:0:0:2:0:0:0:3"), "longest run compressed");
        assertEquals("1::2:0:0:3:4", v6("1:0:0:2:0:0:3:4"), "first run on a tie");
        assertEquals("1:0:2:3:4:5:6:7", v6("1:0:2:3:4:5:6:7"), "a single zero group stays");
        assertEquals("::ffff:1.2.3.4", v6("::ffff:102:304"), "IPv4-mapped");
        assertEquals("::1.2.3.4", v6("::102:304"), "IPv4-compatible");
        assertEquals("ff02::1:ff00:1", v6("ff02::1:ff00:1"));
    }

    @Test
    void ipv6ParsesWhatTheJdkParses() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            byte[] a = new byte[16];
            for (int j = 0; j < 16; j++) {
                a[j] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : 0;
            }
            String text = InetAddress.getByAddress(a).getHostAddress();
            long[] v = OdpText.parseIpv6(text.replaceAll("%.*", ""));
            byte[] back = new byte[16];
            OdpText.longToBytes(v[0], back, 0);
            OdpText.longToBytes(v[1], back, 8);
            assertArrayEquals(a, back, text);
            assertArrayEquals(v, OdpText.parseIpv6(OdpText.ipv6(v[0], v[1])));
        }
        assertNull(OdpText.parseIpv6("1::2::3"));
        assertNull(OdpText.parseIpv6("1:2:3:4:5:6:7"));
        assertNull(OdpText.parseIpv6("12345::"));
        assertNull(OdpText.parseIpv6("::1.2.3"));
    }

    @Test
    void hexAsOvsWritesIt() {
        assertEquals("0", OdpText.hexAlt(0));
        assertEquals("0x1f", OdpText.hexAlt(31));
        assertEquals("0", OdpText.u128(0, 0));
        assertEquals("0x1", OdpText.u128(0, 1));
        assertEquals("0x100000000000000000001", OdpText.u128(0x10000, 1));
        assertEquals("0x1122334455667788", OdpText.hexBytes(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
            (byte) 0x88}, 0, 9));
        assertEquals("00:0a:0b:0c:0d:0e", OdpText.mac(0x000a0b0c0d0eL));
        assertEquals("255.0.0.1", OdpText.ipv4(0xff000001L));
    }
}
