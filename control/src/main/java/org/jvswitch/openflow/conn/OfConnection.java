package org.jvswitch.openflow.conn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.openflow.codec.ErrorCodec;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.vlog.Vlog;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.slf4j.Logger;

/**
 * One OpenFlow connection (Open vSwitch's ofconn): version negotiation, echo and inactivity
 * probes, and the per-connection state OpenFlow defines (role, async configuration,
 * miss_send_len, Nicira flow format and table-id extension, controller id). Every other message
 * goes to the {@link Handler}.
 *
 * <p>How: the last handler of a Netty pipeline behind {@link OfFrameDecoder}; it runs on the
 * channel's event loop. A message the handler refuses ({@link OfError}) is answered with
 * OFPT_ERROR and the connection stays up; anything else a handler throws is logged as one line
 * (rate-limited) and answered with BAD_REQUEST/EPERM. Only framing errors, a failed hello and a
 * dead peer close it.
 *
 * <p>Threads: reads on the event loop; {@link #send} and the volatile state from any thread.
 */
public final class OfConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Vlog.module("rconn");
    private static final CoverageCounter RECEIVED = Coverage.counter("ofconn_received");
    private static final CoverageCounter ERRORS = Coverage.counter("ofconn_error_sent");
    private static final org.jvswitch.vlog.VlogRateLimiter ERROR_LOG = new org.jvswitch.vlog.VlogRateLimiter(60, 20);

    /** Handles every message but hello and echo; {@code frame} is the whole message. */
    public interface Handler {
        void handle(OfConnection c, ByteBuf frame, int type, int xid);

        /** {@code c} was a master and another connection took over: it is a slave now. */
        void roleChanged(OfConnection c);

        /** A port-status message for {@code c} (reason 0 add, 1 delete, 2 modify). */
        ByteBuf portStatus(OfConnection c, org.jvswitch.ofproto.OfPort port, int reason);
    }

    public enum Role { EQUAL, MASTER, SLAVE }

    /** SERVICE: ovs-ofctl on the .mgmt socket (no async messages unless asked); PRIMARY: a controller. */
    public enum Kind { SERVICE, PRIMARY }

    private final ConnManager mgr;
    private final Channel channel;
    private final Kind kind;
    private final String name;
    private final Set<Integer> allowed;
    private final long probeMs;
    private final PinLimiter limiter;
    private volatile int version;
    private volatile Role role = Role.EQUAL;
    private volatile AsyncConfig async;
    private volatile boolean asyncAsked;
    private volatile int missSendLen;
    private volatile int configFlags;
    private volatile boolean tableIdExt;
    private volatile boolean nxm;
    private volatile int controllerId;
    private volatile long connectedMillis = System.currentTimeMillis();
    private boolean echoOutstanding;
    /** The Controller row this connection serves (null for the .mgmt socket). */
    private volatile Controller owner;

    OfConnection(ConnManager mgr, Channel channel, Kind kind, String name, Set<Integer> allowed, long probeMs,
                 PinLimiter limiter, boolean asyncEnabled) {
        this.mgr = mgr;
        this.channel = channel;
        this.kind = kind;
        this.name = name;
        this.allowed = new TreeSet<>(allowed);
        this.probeMs = probeMs;
        this.limiter = limiter;
        this.async = asyncEnabled ? AsyncConfig.defaults() : AsyncConfig.none();
        this.missSendLen = kind == Kind.SERVICE ? 0 : 128;
        if (probeMs > 0) {
            channel.pipeline().addLast(new IdleStateHandler(probeMs, 0, 0, TimeUnit.MILLISECONDS));
        }
        channel.pipeline().addLast(this);
    }

    // ---- state ----

    void setOwner(Controller c) {
        owner = c;
    }

    Controller owner() {
        return owner;
    }

    public ConnManager manager() {
        return mgr;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The negotiated version, or 0 before the hellos. */
    public int version() {
        return version;
    }

    public Role role() {
        return role;
    }

    public void setRole(Role r) {
        role = r;
    }

    public AsyncConfig async() {
        return async;
    }

    public void setAsync(AsyncConfig a) {
        async = a;
        asyncAsked = true;
    }

    public int missSendLen() {
        return missSendLen;
    }

    public int configFlags() {
        return configFlags;
    }

    public void setConfig(int flags, int missLen) {
        configFlags = flags;
        missSendLen = missLen;
        if (missLen > 0) {
            asyncAsked = true;
        }
    }

    public boolean tableIdExt() {
        return tableIdExt;
    }

    public void setTableIdExt(boolean on) {
        tableIdExt = on;
    }

    /** Whether OpenFlow 1.0 flow-removed and stats use NXM (NXT_SET_FLOW_FORMAT nxm). */
    public boolean nxm() {
        return nxm;
    }

    public void setNxm(boolean on) {
        nxm = on;
    }

    public int controllerId() {
        return controllerId;
    }

    public void setControllerId(int id) {
        controllerId = id;
    }

    public long connectedMillis() {
        return connectedMillis;
    }

    public boolean active() {
        return version != 0 && channel.isActive();
    }

    /** Whether asynchronous messages (packet-in, flow-removed, port-status) go to this connection. */
    public boolean receivesAsync() {
        return kind == Kind.PRIMARY || asyncAsked;
    }

    public PinLimiter limiter() {
        return limiter;
    }

    public Channel channel() {
        return channel;
    }

    // ---- sending ----

    public void send(ByteBuf b) {
        channel.writeAndFlush(b, channel.voidPromise());
    }

    public void send(List<ByteBuf> msgs) {
        for (ByteBuf b : msgs) {
            channel.write(b, channel.voidPromise());
        }
        channel.flush();
    }

    public void send(OFMessage m) {
        ByteBuf b = Unpooled.buffer(64);
        m.writeTo(b);
        send(b);
    }

    /** Answers {@code request} with an OFPT_ERROR for {@code e}. */
    public void sendError(OfError e, ByteBuf request, int xid) {
        ERRORS.inc();
        int v = version != 0 ? version : Math.max(OfWire.OF10, maxAllowed());
        send(ErrorCodec.encode(v, xid, e, request));
    }

    public void close() {
        channel.close();
    }

    private int maxAllowed() {
        return ((TreeSet<Integer>) allowed).last();
    }

    // ---- Netty ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int max = maxAllowed();
        ByteBuf b = OfWire.start(max, OfWire.T_HELLO, 0);
        if (max >= OfWire.OF13) {
            int bitmap = 0;
            for (int v : allowed) {
                bitmap |= 1 << v;
            }
            b.writeShort(1).writeShort(8).writeInt(bitmap);
        }
        send(OfWire.finish(b));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            RECEIVED.inc();
            echoOutstanding = false;
            read(frame);
        } finally {
            frame.release();
        }
    }

    private void read(ByteBuf frame) {
        int v = frame.getUnsignedByte(0);
        int type = frame.getUnsignedByte(1);
        int xid = frame.getInt(4);
        if (version == 0) {
            if (type == OfWire.T_HELLO) {
                hello(frame, v);
            } else {
                helloFailed("EPERM", "expected hello, received message type " + type, v);
            }
            return;
        }
        switch (type) {
            case OfWire.T_HELLO -> { }
            case OfWire.T_ECHO_REQUEST -> {
                ByteBuf r = frame.copy();
                r.setByte(0, version);
                r.setByte(1, OfWire.T_ECHO_REPLY);
                send(r);
            }
            case OfWire.T_ECHO_REPLY -> { }
            case OfWire.T_ERROR -> LOG.debug("{}: received error type {} code {}", name, frame.readableBytes() >= 12
                    ? frame.getUnsignedShort(8) : -1, frame.readableBytes() >= 12 ? frame.getUnsignedShort(10) : -1);
            default -> {
                if (v != version) {
                    sendError(new OfError(OfError.Type.BAD_REQUEST, "BAD_VERSION", null), frame, xid);
                    return;
                }
                try {
                    mgr.handler().handle(this, frame, type, xid);
                } catch (OfError e) {
                    if (ERROR_LOG.shouldLog()) {
                        LOG.info("{}: sending {} error reply to message type {} ({})", name,
                                e.type() + "/" + e.code(), type, e.getMessage());
                    }
                    sendError(e, frame, xid);
                } catch (RuntimeException e) {
                    mgr.logFailure(name, type, e);
                    sendError(new OfError(OfError.Type.BAD_REQUEST, "EPERM", e.toString()), frame, xid);
                }
            }
        }
    }

    private void hello(ByteBuf frame, int peerVersion) {
        Integer peerBitmap = null;
        int off = OfWire.HEADER;
        int end = frame.writerIndex();
        while (end - off >= 4) {
            int t = frame.getUnsignedShort(off);
            int l = frame.getUnsignedShort(off + 2);
            if (l < 4 || off + l > end) {
                break;
            }
            if (t == 1 && l >= 8) {
                peerBitmap = frame.getInt(off + 4);
            }
            off += OfWire.padded8(l);
        }
        int chosen = 0;
        for (int v : allowed) {
            boolean peerHas = peerBitmap != null ? (peerBitmap & 1 << v) != 0 : v <= peerVersion;
            if (peerHas && v > chosen) {
                chosen = v;
            }
        }
        if (chosen == 0) {
            helloFailed("INCOMPATIBLE", "We support " + describe(allowed) + ", you support "
                    + (peerBitmap != null ? "versions in bitmap 0x" + Integer.toHexString(peerBitmap)
                    : "no later than version 0x" + Integer.toHexString(peerVersion)) + ".", peerVersion);
            return;
        }
        version = chosen;
        connectedMillis = System.currentTimeMillis();
        if (kind == Kind.PRIMARY) {
            LOG.info("{}: connected (OpenFlow version 0x{})", name, Integer.toHexString(chosen));
        } else {
            LOG.debug("{}: connected (OpenFlow version 0x{})", name, Integer.toHexString(chosen));
        }
        mgr.connectionUp(this);
    }

    private void helloFailed(String code, String text, int peerVersion) {
        LOG.warn("{}: version negotiation failed: {}", name, text);
        int v = Math.max(OfWire.OF10, Math.min(peerVersion, maxAllowed()));
        ByteBuf err = ErrorCodec.encode(v, 0, new OfError(OfError.Type.HELLO_FAILED, code, text) {
            @Override
            public String getMessage() {
                return text;
            }
        }, null);
        channel.writeAndFlush(err).addListener(f -> channel.close());
    }

    private static String describe(Set<Integer> vs) {
        StringBuilder sb = new StringBuilder("versions");
        for (int v : vs) {
            sb.append(" 0x").append(String.format("%02x", v));
        }
        return sb.toString();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (!echoOutstanding && version != 0) {
                echoOutstanding = true;
                LOG.debug("{}: idle {} seconds, sending inactivity probe", name, probeMs / 1000);
                send(OfWire.finish(OfWire.start(version, OfWire.T_ECHO_REQUEST, 0)));
            } else {
                LOG.warn("{}: no response to inactivity probe after {} seconds, disconnecting", name,
                        probeMs / 1000);
                mgr.noteError(this, "inactivity probe timeout");
                ctx.close();
            }
        } else if (evt == OfFrameDecoder.BadFrame.INSTANCE) {
            LOG.warn("{}: received OpenFlow message shorter than its header, disconnecting", name);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (kind == Kind.PRIMARY) {
            LOG.info("{}: connection closed", name);
        } else {
            LOG.debug("{}: connection closed", name);
        }
        mgr.connectionDown(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{}: {}", name, cause.toString());
        mgr.noteError(this, cause.getMessage());
        ctx.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
