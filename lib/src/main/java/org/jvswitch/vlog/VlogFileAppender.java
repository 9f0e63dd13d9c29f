package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code file} destination: appends lines to the log file, and reopens it on request so
 * logrotate can move the old file away ({@code vlog/reopen}).
 *
 * <p>Logback's own {@code FileAppender} is not used because reopening under the same name
 * trips its file-collision check; swapping the stream of an {@link OutputStreamAppender} does
 * the same job under the appender's own lock, so a line is never split between two files.
 * Each message is written with one {@code write(2)} and flushed, as OVS does.
 */
final class VlogFileAppender extends OutputStreamAppender<ILoggingEvent> {

    private final Path path;

    VlogFileAppender(Path path) {
        this.path = path;
        setName("vlog-file");
        setImmediateFlush(true);
    }

    Path path() {
        return path;
    }

    /** Opens (creating it and its directory if needed) the file for appending. */
    void open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        setOutputStream(new FileOutputStream(path.toFile(), true));
    }

    /** Closes the current file and opens {@link #path()} again, which may be a new file. */
    void reopen() throws IOException {
        open();
    }
}
