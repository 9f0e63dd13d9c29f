package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Truncated, wrong-version, unknown and nonsensical messages get OFPT_ERROR with OpenFlow's
 * type and code, and the connection stays up; only an unframeable message or a failed hello
 * closes it.
 */
class BadInputTest {
    private static final HexFormat HEX = HexFormat.of();

    static byte[] hex(String s) {
        byte[] b = HEX.parseHex(s.replace(" ", ""));
        ByteBuffer.wrap(b).putShort(2, (short) b.length);
        return b;
    }

    /** Sends a message; expects an error of type/code echoing xid; then checks the connection with an echo. */
    static void expectError(RawOfClient c, String msg, int type, int code) throws Exception {
        byte[] m = hex(msg);
        c.send(m);
        byte[] e = c.receiveType(1, 3000);
        assertNotNull(e, "no error for " + msg);
        ByteBuffer b = ByteBuffer.wrap(e);
        assertEquals(ByteBuffer.wrap(m).getInt(4), b.getInt(4), "xid echoed");
        assertEquals(type + "/" + code, b.getShort(8) + "/" + b.getShort(10), "error for " + msg);
        c.send(hex("04020000 0000abcd"));
        byte[] echo = c.receiveType(3, 3000);
        assertNotNull(echo, "connection still up after " + msg);
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionStaysUp() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch(); RawOfClient c = RawOfClient.unix(sw.mgmt())) {
            byte[] hello = c.receive(3000);
            assertEquals(0, hello[1], "the switch says hello first");
            assertEquals(6, hello[0], "with its highest version");
            c.send(hex("04000000 00000001"));
            // A flow-mod cut short.
            expectError(c, "040e0000 00000010 00000000", 1, 6);
            // Wrong version for this connection.
            expectError(c, "01050000 00000011", 1, 0);
            // No such message type.
            expectError(c, "04630000 00000012", 1, 1);
            // A controller-bound message sent to the switch.
            expectError(c, "04060000 00000013", 1, 1);
            // Flow-mod with an unknown OXM field (class 0x8000 field 99).
            expectError(c, "040e0000 00000014 0000000000000000 0000000000000000 0000 0000 0000 8000 ffffffff ffffffff"
                    + "ffffffff 0000 0000 0001 000c 8000c604 00000000 00000000", 4, 6);
            // Flow-mod whose match length runs past the message.
            expectError(c, "040e0000 00000015 0000000000000000 0000000000000000 0000 0000 0000 8000 ffffffff ffffffff"
                    + "ffffffff 0000 0000 0001 0040 80000004 00000001", 1, 6);
            // Flow-mod with an unknown action type inside apply-actions.
            expectError(c, "040e0000 00000016 0000000000000000 0000000000000000 0000 0000 0000 8000 ffffffff ffffffff"
                    + "ffffffff 0000 0000 0001 0004 00000000 0004 0018 00000000 0063 0010 0000000000000000 00000000", 2, 0);
            // Output to a port that cannot exist.
            expectError(c, "040e0000 00000017 0000000000000000 0000000000000000 0000 0000 0000 8000 ffffffff ffffffff"
                    + "ffffffff 0000 0000 0001 0004 00000000 0004 0018 00000000 0000 0010 ffffff01 ffff 000000000000", 2, 4);
            // A multipart type we do not know.
            expectError(c, "04120000 00000018 0063 0000 00000000", 1, 2);
            // Packet-out naming a buffer (we never buffer).
            expectError(c, "040d0000 00000019 00000005 00000001 0000 000000000000", 1, 8);
            // Role request with a stale generation id.
            c.send(hex("04180000 0000001a 00000002 00000000 0000000000000064"));
            assertNotNull(c.receiveType(25, 3000));
            expectError(c, "04180000 0000001b 00000002 00000000 0000000000000010", 11, 0);
            assertTrue(sw.br.rules(0xff).size() == 1, "nothing bad was installed");
        }
    }

    @Test
    void aMessageShorterThanItsHeaderClosesTheConnection() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch(); RawOfClient c = RawOfClient.unix(sw.mgmt())) {
            c.receive(3000);
            c.send(hex("04000000 00000001"));
            c.send(new byte[] {4, 2, 0, 4, 0, 0, 0, 1});
            assertNull(c.receive(2000), "closed, nothing more");
        }
    }

    @Test
    void helloFailures() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch(BridgeOfConfig.defaults().withVersions(Set.of(4)), OfDatapath.NONE)) {
            try (RawOfClient c = RawOfClient.unix(sw.mgmt())) {
                byte[] hello = c.receive(3000);
                assertArrayEquals(hex("04000000 00000000 0001 0008 00000010"), hello, "1.3 only, with a bitmap");
                c.send(hex("01000000 00000001"));
                byte[] e = c.receive(3000);
                assertEquals(1, e[1]);
                assertEquals("0/0", ByteBuffer.wrap(e).getShort(8) + "/" + ByteBuffer.wrap(e).getShort(10),
                        "HELLO_FAILED/INCOMPATIBLE");
                assertTrue(new String(e, 12, e.length - 12).contains("support"));
                assertNull(c.receive(1000), "then closed");
            }
            try (RawOfClient c = RawOfClient.unix(sw.mgmt())) {
                c.receive(3000);
                c.send(hex("04050000 00000001"));
                byte[] e = c.receive(3000);
                assertEquals(1, e[1], "a features request before hello is refused");
                assertNull(c.receive(1000));
            }
        }
    }
}
