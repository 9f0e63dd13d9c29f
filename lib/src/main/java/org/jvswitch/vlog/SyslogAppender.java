package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import java.nio.charset.StandardCharsets;

/**
 * The {@code syslog} destination: each message becomes one RFC 3164 datagram,
 * {@code <PRI>Mmm dd hh:mm:ss [HOST ]PROGRAM[PID]: } followed by the message formatted with the
 * syslog pattern ({@code ovs|%05N|%c%T|%p|%m} by default). The host name is only sent to remote
 * targets; the local daemon adds its own, as with libc's syslog(3).
 *
 * <p>Runs on the logging thread, which only formats and queues (see {@link SyslogSender}).
 */
final class SyslogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** Header for the local socket, in OVS pattern language. */
    static final String LOCAL_PREFIX = "<%B>%d{%b %e %H:%M:%S} %A[%P]: ";
    /** Header for a remote target: as local, plus this host's name. */
    static final String REMOTE_PREFIX = "<%B>%d{%b %e %H:%M:%S} %E %A[%P]: ";

    private final VlogPattern prefix;
    private final VlogPatternLayout layout;
    private final SyslogSender sender;
    /** Set once {@link #stop} has closed the socket; control threads only. */
    private boolean closed;

    SyslogAppender(SyslogSender sender, boolean remote, VlogPatternLayout layout) {
        this.sender = sender;
        this.prefix = VlogPattern.parse(remote ? REMOTE_PREFIX : LOCAL_PREFIX);
        this.layout = layout;
        setName("vlog-syslog");
    }

    /** The header pattern, for {@code vlog/list-pattern}. */
    String prefix() {
        return prefix.source();
    }

    SyslogSender sender() {
        return sender;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(160);
        prefix.formatTo(event, sb);
        sb.append(layout.doLayout(event));
        sender.send(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Stops appending and closes the socket (once, however often it is called). */
    @Override
    public synchronized void stop() {
        if (!closed) {
            closed = true;
            super.stop();
            sender.close();
        }
    }
}
