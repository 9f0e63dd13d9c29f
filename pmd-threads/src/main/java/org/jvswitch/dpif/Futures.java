package org.jvswitch.dpif;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jvswitch.netdev.NetdevException;

/** Waiting for PMD commands from the control path, with a bound and a readable failure. */
final class Futures {
    static final long TIMEOUT_S = 10;

    private Futures() {
    }

    static void await(List<? extends CompletableFuture<?>> done, String what) {
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetdevException(what + ": interrupted");
        } catch (ExecutionException e) {
            throw new NetdevException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NetdevException(what + ": the PMD threads did not answer within " + TIMEOUT_S + " s");
        }
    }

    static <T> T get(CompletableFuture<T> f, String what) {
        await(List.of(f), what);
        return f.join();
    }
}
