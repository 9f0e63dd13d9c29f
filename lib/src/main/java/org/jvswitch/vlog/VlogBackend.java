package org.jvswitch.vlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.SequenceNumberGenerator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vlog's wiring into Logback: one appender per destination on the root logger, each filtered by
 * {@link VlogFilter} and formatted by that destination's {@link VlogPatternLayout}; a sequence
 * number generator for {@code %N}; logger levels kept at what the destinations need.
 *
 * <p>Installing it replaces whatever appenders the root logger had (Logback's default console
 * appender, or a stray logback.xml): in a jvswitch process every line goes out in OVS's
 * formats. The console appender is always there; the file and syslog appenders exist only while
 * a log file or syslog socket is open.
 *
 * <p>If SLF4J is bound to something other than Logback, vlog keeps its state (levels, patterns)
 * but writes nothing itself.
 *
 * <p>Threads: all methods but {@link #layout} run under {@link Vlog}'s lock on control threads;
 * appenders and layouts are then used by every logging thread, which Logback makes safe.
 */
final class VlogBackend {

    /** Null when SLF4J is not bound to Logback. */
    private final LoggerContext context;
    /** One layout per destination, alive for the whole process so patterns survive reopening. */
    private final VlogPatternLayout[] layouts = new VlogPatternLayout[VlogDestination.count()];
    /** The file destination while a log file is open; guarded by Vlog's lock. */
    private VlogFileAppender file;
    /** The syslog destination while a syslog socket is open; guarded by Vlog's lock. */
    private SyslogAppender syslog;

    private VlogBackend(LoggerContext context) {
        this.context = context;
        for (VlogDestination d : VlogDestination.values()) {
            layouts[d.ordinal()] = new VlogPatternLayout(d.defaultPattern(), d != VlogDestination.SYSLOG);
        }
    }

    static VlogBackend install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return new VlogBackend(null);
        }
        VlogBackend backend = new VlogBackend(context);
        SequenceGenerator sequence = new SequenceGenerator();
        sequence.setContext(context);
        context.setSequenceNumberGenerator(sequence);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("vlog-console");
        console.setTarget("System.err");
        console.setEncoder(backend.encoder(VlogDestination.CONSOLE));
        backend.attach(console, VlogDestination.CONSOLE);
        return backend;
    }

    VlogPatternLayout layout(VlogDestination d) {
        return layouts[d.ordinal()];
    }

    /** Whether messages for {@code d} go anywhere, so that its level counts for logger levels. */
    boolean active(VlogDestination d) {
        return switch (d) {
            case CONSOLE -> true;
            case FILE -> file != null;
            case SYSLOG -> syslog != null;
        };
    }

    /** Sets the Logback level of logger {@code name} (root when null). */
    void setLoggerLevel(String name, VlogLevel level) {
        if (context != null) {
            context.getLogger(name == null ? org.slf4j.Logger.ROOT_LOGGER_NAME : name)
                    .setLevel(level == VlogLevel.OFF ? Level.OFF : level.logbackLevel());
        }
    }

    Path filePath() {
        return file == null ? null : file.path();
    }

    /** Starts writing to {@code path}, closing any other log file first. */
    void openFile(Path path) throws IOException {
        closeFile();
        VlogFileAppender appender = new VlogFileAppender(path);
        appender.setEncoder(encoder(VlogDestination.FILE));
        if (context != null) {
            appender.setContext(context);
        }
        appender.open();
        attach(appender, VlogDestination.FILE);
        file = appender;
    }

    void reopenFile() throws IOException {
        file.reopen();
    }

    void closeFile() {
        if (file != null) {
            detach(file);
            file = null;
        }
    }

    void openSyslog(SyslogSender sender, boolean remote) {
        closeSyslog();
        SyslogAppender appender = new SyslogAppender(sender, remote, layout(VlogDestination.SYSLOG));
        attach(appender, VlogDestination.SYSLOG);
        syslog = appender;
    }

    void closeSyslog() {
        if (syslog != null) {
            SyslogAppender old = syslog;
            syslog = null;
            detach(old);  // stopping the appender closes its socket
        }
    }

    /** The syslog header pattern, or "none" without a syslog socket (as vlog/list-pattern shows). */
    String syslogPrefix() {
        return syslog == null ? "none" : syslog.prefix();
    }

    private LayoutWrappingEncoder<ILoggingEvent> encoder(VlogDestination d) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setLayout(layout(d));
        encoder.setCharset(StandardCharsets.UTF_8);
        if (context != null) {
            encoder.setContext(context);
            layout(d).setContext(context);
        }
        layout(d).start();
        encoder.start();
        return encoder;
    }

    private void attach(Appender<ILoggingEvent> appender, VlogDestination d) {
        VlogFilter filter = new VlogFilter(d);
        filter.start();
        appender.addFilter(filter);
        if (context != null) {
            appender.setContext(context);
            appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
    }

    private void detach(Appender<ILoggingEvent> appender) {
        if (context != null) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        appender.stop();
    }

    /** {@code %N}: one number per message across all destinations, starting at 1, as OVS. */
    private static final class SequenceGenerator extends ContextAwareBase implements SequenceNumberGenerator {
        private final AtomicLong last = new AtomicLong();

        @Override
        public long nextSequenceNumber() {
            return last.incrementAndGet();
        }
    }
}
