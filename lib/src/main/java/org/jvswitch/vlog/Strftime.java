package org.jvswitch.vlog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;

/**
 * strftime(3) for log timestamps, as OVS's {@code %d{...}} and {@code %D{...}} take it, with OVS's
 * extension: each {@code #} outside a conversion prints the next decimal digit of the fraction
 * of a second (milliseconds precision; digits after the third print as 0), so
 * {@code %H:%M:%S.###} is a time to the millisecond.
 *
 * <p>Supported conversions: {@code %a %A %b %h %B %C %d %D %e %F %H %I %j %k %l %m %M %n %p %R
 * %s %S %t %T %u %w %y %Y %z %Z %%}; any other is printed as is. Names are in English (the C
 * locale), as in OVS's logs. Immutable and thread-safe.
 */
public final class Strftime {

    private final String format;
    private final ZoneId zone;

    /**
     * @param format a strftime format with OVS's {@code #} extension
     * @param utc    true for UTC ({@code %D}), false for the local time zone ({@code %d})
     */
    public Strftime(String format, boolean utc) {
        this.format = format;
        this.zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
    }

    public String format() {
        return format;
    }

    /** Appends the time {@code epochMillis} in this format to {@code out}. */
    public void formatTo(long epochMillis, StringBuilder out) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, offset);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        int fractionDigit = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '#') {
                out.append(fractionDigit < 3 ? digitOf(millis, fractionDigit) : '0');
                fractionDigit++;
                continue;
            }
            fractionDigit = 0;
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char conv = format.charAt(++i);
            convert(conv, t, offset, instant, out);
        }
    }

    /** Formats {@code epochMillis} in this format. */
    public String format(long epochMillis) {
        StringBuilder sb = new StringBuilder(32);
        formatTo(epochMillis, sb);
        return sb.toString();
    }

    private void convert(char conv, LocalDateTime t, ZoneOffset offset, Instant instant,
                         StringBuilder out) {
        switch (conv) {
            case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case 'C' -> pad(out, t.getYear() / 100, 2, '0');
            case 'd' -> pad(out, t.getDayOfMonth(), 2, '0');
            case 'D' -> {
                pad(out, t.getMonthValue(), 2, '0');
                out.append('/');
                pad(out, t.getDayOfMonth(), 2, '0');
                out.append('/');
                pad(out, t.getYear() % 100, 2, '0');
            }
            case 'e' -> pad(out, t.getDayOfMonth(), 2, ' ');
            case 'F' -> {
                pad(out, t.getYear(), 4, '0');
                out.append('-');
                pad(out, t.getMonthValue(), 2, '0');
                out.append('-');
                pad(out, t.getDayOfMonth(), 2, '0');
            }
            case 'H' -> pad(out, t.getHour(), 2, '0');
            case 'I' -> pad(out, hour12(t), 2, '0');
            case 'j' -> pad(out, t.getDayOfYear(), 3, '0');
            case 'k' -> pad(out, t.getHour(), 2, ' ');
            case 'l' -> pad(out, hour12(t), 2, ' ');
            case 'm' -> pad(out, t.getMonthValue(), 2, '0');
            case 'M' -> pad(out, t.getMinute(), 2, '0');
            case 'n' -> out.append('\n');
            case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case 'R' -> {
                pad(out, t.getHour(), 2, '0');
                out.append(':');
                pad(out, t.getMinute(), 2, '0');
            }
            case 's' -> out.append(instant.getEpochSecond());
            case 'S' -> pad(out, t.getSecond(), 2, '0');
            case 't' -> out.append('\t');
            case 'T' -> {
                pad(out, t.getHour(), 2, '0');
                out.append(':');
                pad(out, t.getMinute(), 2, '0');
                out.append(':');
                pad(out, t.getSecond(), 2, '0');
            }
            case 'u' -> out.append(t.getDayOfWeek().getValue());
            case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
            case 'y' -> pad(out, t.getYear() % 100, 2, '0');
            case 'Y' -> out.append(t.getYear());
            case 'z' -> {
                int secs = offset.getTotalSeconds();
                out.append(secs < 0 ? '-' : '+');
                secs = Math.abs(secs);
                pad(out, secs / 3600, 2, '0');
                pad(out, secs / 60 % 60, 2, '0');
            }
            case 'Z' -> out.append(zone instanceof ZoneOffset ? "UTC"
                    : TimeZone.getTimeZone(zone).getDisplayName(
                            zone.getRules().isDaylightSavings(instant), TimeZone.SHORT, Locale.ENGLISH));
            case '%' -> out.append('%');
            default -> out.append('%').append(conv);
        }
    }

    private static int hour12(LocalDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static char digitOf(int millis, int position) {
        int divisor = position == 0 ? 100 : position == 1 ? 10 : 1;
        return (char) ('0' + millis / divisor % 10);
    }

    private static void pad(StringBuilder out, int value, int width, char fill) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append(fill);
        }
        out.append(s);
    }
}
