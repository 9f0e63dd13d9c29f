package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed OVS log line pattern (ovs-appctl(8), "vlog/set PATTERN"), and its formatter.
 *
 * <p>Conversions: {@code %A} program name, {@code %B} syslog PRI (facility * 8 + severity), {@code %c}
 * module, {@code %d} / {@code %d{fmt}} local time, {@code %D} / {@code %D{fmt}} UTC time (strftime
 * with {@code #} for fraction digits, see {@link Strftime}; the default format is
 * {@code %Y-%m-%d %H:%M:%S.###}), {@code %E} host name, {@code %m} message, {@code %N} message
 * sequence number, {@code %n} newline, {@code %p} level (EMER, ERR, WARN, INFO, DBG),
 * {@code %P} process id, {@code %r} milliseconds since the process started, {@code %t} thread
 * name, {@code %T} thread name in parentheses or nothing on the main thread, {@code %%} a
 * percent sign. Each may carry printf-like flags and width: {@code -} left-justifies, {@code 0}
 * pads with zeros, digits give the minimum width ({@code %05N}, {@code -10c}). An unknown
 * conversion prints as is.
 *
 * <p>Parsed once when set; formatting is allocation-light and thread-safe (instances are
 * immutable).
 */
public final class VlogPattern {

    /** Default strftime format for {@code %d} and {@code %D} without braces. */
    private static final String DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.###";
    private static final long START_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final long PID = ProcessHandle.current().pid();

    /** One piece of a pattern: a literal when {@code conversion == 0}. */
    private record Item(char conversion, String literal, boolean leftJustify, boolean zeroPad,
                        int width, Strftime time) {
    }

    private final String source;
    private final Item[] items;

    private VlogPattern(String source, Item[] items) {
        this.source = source;
        this.items = items;
    }

    /** The pattern text as given. */
    public String source() {
        return source;
    }

    /** Parses {@code pattern}. Never fails: what is not a conversion is literal text. */
    public static VlogPattern parse(String pattern) {
        List<Item> items = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c != '%' || i >= n) {
                literal.append(c);
                continue;
            }
            int convStart = i - 1;
            boolean left = false;
            boolean zero = false;
            int width = 0;
            if (pattern.charAt(i) == '-') {
                left = true;
                i++;
            }
            if (i < n && pattern.charAt(i) == '0') {
                zero = true;
                i++;
            }
            while (i < n && Character.isDigit(pattern.charAt(i))) {
                width = width * 10 + (pattern.charAt(i++) - '0');
            }
            if (i >= n) {
                literal.append(pattern, convStart, n);
                break;
            }
            char conv = pattern.charAt(i++);
            Strftime time = null;
            if (conv == 'd' || conv == 'D') {
                String fmt = DEFAULT_TIME_FORMAT;
                if (i < n && pattern.charAt(i) == '{') {
                    int close = pattern.indexOf('}', i);
                    if (close > 0) {
                        fmt = pattern.substring(i + 1, close);
                        i = close + 1;
                    }
                }
                time = new Strftime(fmt, conv == 'D');
            }
            if (conv == '%') {
                literal.append('%');
                continue;
            }
            if (literal.length() > 0) {
                items.add(new Item((char) 0, literal.toString(), false, false, 0, null));
                literal.setLength(0);
            }
            items.add(new Item(conv, null, left, zero, width, time));
        }
        if (literal.length() > 0) {
            items.add(new Item((char) 0, literal.toString(), false, false, 0, null));
        }
        return new VlogPattern(pattern, items.toArray(new Item[0]));
    }

    /** Appends {@code event} formatted with this pattern to {@code out}. */
    public void formatTo(ILoggingEvent event, StringBuilder out) {
        for (Item item : items) {
            if (item.conversion == 0) {
                out.append(item.literal);
                continue;
            }
            int start = out.length();
            convert(item, event, out);
            justify(item, out, start);
        }
    }

    /** Formats {@code event} with this pattern. */
    public String format(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(128);
        formatTo(event, sb);
        return sb.toString();
    }

    private static void convert(Item item, ILoggingEvent e, StringBuilder out) {
        switch (item.conversion) {
            case 'A' -> out.append(Vlog.programName());
            case 'B' -> out.append(Vlog.syslogFacility() * 8 + VlogLevel.of(e).syslogSeverity());
            case 'c' -> out.append(e.getLoggerName());
            case 'd', 'D' -> item.time.formatTo(e.getTimeStamp(), out);
            case 'E' -> out.append(HostName.get());
            case 'm' -> out.append(e.getFormattedMessage());
            case 'N' -> out.append(e.getSequenceNumber());
            case 'n' -> out.append('\n');
            case 'p' -> out.append(VlogLevel.of(e).upperName());
            case 'P' -> out.append(PID);
            case 'r' -> out.append(e.getTimeStamp() - START_MILLIS);
            case 't' -> out.append(e.getThreadName());
            case 'T' -> {
                String thread = e.getThreadName();
                if (thread != null && !thread.equals("main")) {
                    out.append('(').append(thread).append(')');
                }
            }
            default -> out.append('%').append(item.conversion);
        }
    }

    private static void justify(Item item, StringBuilder out, int start) {
        int len = out.length() - start;
        if (len >= item.width) {
            return;
        }
        int pad = item.width - len;
        if (item.leftJustify) {
            out.repeat(' ', pad);
        } else {
            out.insert(start, String.valueOf(item.zeroPad ? '0' : ' ').repeat(pad));
        }
    }
}
