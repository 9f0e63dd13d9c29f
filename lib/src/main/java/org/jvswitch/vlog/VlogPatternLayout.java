package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * Logback layout that formats events with an OVS {@link VlogPattern}. One instance per
 * destination; {@code vlog/set PATTERN:...} swaps its pattern while appenders keep using it.
 *
 * <p>Console and file lines end with a newline and carry an exception's stack trace after the
 * line; syslog messages are single datagrams, so they get neither.
 *
 * <p>Threads: {@link #doLayout} runs on whichever thread logs; the pattern is a volatile
 * reference to an immutable object, set by the control thread.
 */
public final class VlogPatternLayout extends LayoutBase<ILoggingEvent> {

    private final boolean lineOriented;
    /** The current pattern; written by the control thread ({@code vlog/set PATTERN}). */
    private volatile VlogPattern pattern;

    /**
     * @param pattern      OVS pattern text
     * @param lineOriented true to end each message with a newline and append stack traces
     */
    public VlogPatternLayout(String pattern, boolean lineOriented) {
        this.pattern = VlogPattern.parse(pattern);
        this.lineOriented = lineOriented;
    }

    public void setPattern(String pattern) {
        this.pattern = VlogPattern.parse(pattern);
    }

    public String pattern() {
        return pattern.source();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(128);
        pattern.formatTo(event, sb);
        if (lineOriented) {
            sb.append('\n');
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                sb.append(ThrowableProxyUtil.asString(thrown)).append('\n');
            }
        }
        return sb.toString();
    }
}
