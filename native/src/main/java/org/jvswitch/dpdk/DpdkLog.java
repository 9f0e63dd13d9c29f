package org.jvswitch.dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.jvswitch.dpdk.gen.jvs_shim_h;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Carries DPDK's log into vlog module "dpdk".
 *
 * <p>The shim queues DPDK's log lines in C (see jvs_shim.h: no upcalls from DPDK or PMD threads);
 * a daemon thread "dpdk-log" drains them every 100 ms, and {@link #drain} drains on demand (after
 * EAL init, so its messages come out in order). Levels map RTE_LOG_EMERG..ERR to ERROR, WARNING to
 * WARN, NOTICE and INFO to INFO, DEBUG to DEBUG. Lines dropped by a full queue are reported.
 */
public final class DpdkLog {
    private static final Logger LOG = Vlog.module("dpdk");
    private static final int LEVEL_ERR = 4, LEVEL_WARNING = 5, LEVEL_INFO = 7;
    private static final long DRAIN_INTERVAL_MS = 100;

    private static final Object LOCK = new Object();
    private static MemorySegment buf;
    private static MemorySegment level;
    private static boolean started;
    private static long droppedReported;
    private static String lastError = "";
    private static long errorSeq;

    private DpdkLog() {
    }

    /** Captures DPDK's log stream and starts the drain thread; idempotent. */
    public static void start() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            buf = Arena.global().allocate(jvs_shim_h.JVS_LOG_LINE_MAX());
            level = Arena.global().allocate(ValueLayout.JAVA_INT);
            int rc = jvs_shim_h.jvs_log_capture(1);
            if (rc != 0) {
                LOG.warn("cannot capture DPDK's log (error {}); it goes to stderr", rc);
                return;
            }
            started = true;
        }
        Thread.ofPlatform().daemon().name("dpdk-log").start(() -> {
            while (true) {
                drain();
                try {
                    Thread.sleep(DRAIN_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Logs every queued DPDK line now. */
    public static void drain() {
        synchronized (LOCK) {
            if (!started) {
                return;
            }
            int len;
            while ((len = jvs_shim_h.jvs_log_read(buf, buf.byteSize(), level)) >= 0) {
                String line = buf.getString(0, StandardCharsets.UTF_8);
                int lvl = level.get(ValueLayout.JAVA_INT, 0);
                if (lvl <= LEVEL_ERR) {
                    lastError = line;
                    errorSeq++;
                    LOG.error("{}", line);
                } else if (lvl == LEVEL_WARNING) {
                    LOG.warn("{}", line);
                } else if (lvl <= LEVEL_INFO) {
                    LOG.info("{}", line);
                } else {
                    LOG.debug("{}", line);
                }
                if (len >= buf.byteSize()) {
                    LOG.debug("(previous DPDK log line was cut at {} bytes)", buf.byteSize() - 1);
                }
            }
            long dropped = jvs_shim_h.jvs_log_dropped();
            if (dropped > droppedReported) {
                LOG.warn("{} DPDK log lines dropped (log queue full)", dropped - droppedReported);
                droppedReported = dropped;
            }
        }
    }

    /** The last line DPDK logged at ERR or worse, "" if none. */
    public static String lastError() {
        synchronized (LOCK) {
            return lastError;
        }
    }

    /** A mark for {@link #errorSince}: how many error lines DPDK has logged so far. */
    public static long errorMark() {
        drain();
        synchronized (LOCK) {
            return errorSeq;
        }
    }

    /** The last error line DPDK logged after {@code mark}, "" if none: the "why" of a failed call. */
    public static String errorSince(long mark) {
        drain();
        synchronized (LOCK) {
            return errorSeq > mark ? lastError : "";
        }
    }
}
