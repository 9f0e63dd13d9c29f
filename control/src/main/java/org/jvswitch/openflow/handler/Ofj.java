package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.openflow.codec.OfCodecException;
import org.projectfloodlight.openflow.exceptions.OFParseError;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFVersion;

/** openflowj access: factories by wire version, and parsing with OpenFlow errors for bad input. */
final class Ofj {
    private static final OFVersion[] VERSIONS = {null, OFVersion.OF_10, OFVersion.OF_11, OFVersion.OF_12,
        OFVersion.OF_13, OFVersion.OF_14, OFVersion.OF_15};

    private Ofj() {
    }

    static OFFactory factory(int version) {
        return OFFactories.getFactory(VERSIONS[version]);
    }

    /** Parses a whole message with openflowj; a message it cannot read is BAD_REQUEST/BAD_LEN. */
    static OFMessage parse(ByteBuf frame, int version) {
        ByteBuf b = frame.duplicate();
        try {
            OFMessage m = factory(version).getReader().readFrom(b);
            if (m == null) {
                throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_LEN", "incomplete message");
            }
            return m;
        } catch (OFParseError | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_LEN", e.getMessage());
        }
    }
}
