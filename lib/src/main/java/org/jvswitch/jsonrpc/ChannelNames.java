package org.jvswitch.jsonrpc;

import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketAddress;

import java.net.SocketAddress;

/**
 * Names a connection for log messages. Clients of a unix socket are unnamed (their address is
 * empty), so they are called {@code unix#<channel id>}, in the spirit of OVS's
 * {@code unix#3}; TCP peers go by their address.
 */
public final class ChannelNames {

    private ChannelNames() {
    }

    public static String describe(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote == null || (remote instanceof DomainSocketAddress d && d.path().isEmpty())) {
            return "unix#" + channel.id().asShortText();
        }
        return remote.toString();
    }
}
