package org.jvswitch.bridge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's revalidator commands, which its own tests and operators use to make the
 * datapath catch up with a change before looking at it:
 *
 * <pre>
 *   revalidator/wait     returns once a full revalidation pass that started after it has finished
 *   revalidator/purge    deletes every megaflow the bridges own (traffic installs fresh ones)
 *   revalidator/pause    stops the passes (statistics and timeouts stop following the datapath)
 *   revalidator/resume   restarts them
 * </pre>
 *
 * Each answers from the revalidator thread when the work is done; the control thread never waits.
 */
final class RevalidatorCommands {
    private RevalidatorCommands() {
    }

    static void register(UnixctlServer s, RevalidatorThread revalidator) {
        s.register("revalidator/wait", "", 0, 0, (conn, a) -> {
            if (revalidator.paused()) {
                conn.error("revalidators are paused (revalidator/resume first)");
                return;
            }
            answer(conn, revalidator.nextPass());
        });
        s.register("revalidator/purge", "", 0, 0, (conn, a) -> answer(conn, revalidator.purge()));
        s.register("revalidator/pause", "", 0, 0, (conn, a) -> {
            revalidator.pause();
            conn.reply("");
        });
        s.register("revalidator/resume", "", 0, 0, (conn, a) -> {
            revalidator.resume();
            conn.reply("");
        });
    }

    private static void answer(UnixctlConnection conn, CompletableFuture<Integer> work) {
        work.whenComplete((n, err) -> {
            if (err == null) {
                conn.reply("");
            } else {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                conn.error(String.valueOf(cause.getMessage()));
            }
        });
    }
}
