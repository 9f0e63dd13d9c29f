package org.jvswitch.testing.dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;
import org.jvswitch.netdev.NetdevDpdk;

/**
 * Plays a host with one IPv4 address behind a port: a thread polls the port, answers ARP
 * requests and ICMP echo requests for that address (see {@link Frames#answer}) and drops the
 * rest. Lets the kernel's own {@code ping} test a port end to end.
 */
public final class Responder implements AutoCloseable {
    private final NetdevDpdk port;
    private final int ip;
    private final long mac;
    private final Thread thread;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean running = true;

    public Responder(NetdevDpdk port, String ip, long mac) {
        this.port = port;
        this.ip = Frames.ipv4(ip);
        this.mac = mac;
        this.thread = Thread.ofPlatform().daemon().name("responder-" + port.name()).start(this::loop);
    }

    private void loop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pkts = arena.allocate(ValueLayout.JAVA_LONG, 32);
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG, 1);
            while (running) {
                int n = port.rxBurst(0, pkts.address(), 32);
                for (int i = 0; i < n; i++) {
                    long m = pkts.getAtIndex(ValueLayout.JAVA_LONG, i);
                    received.incrementAndGet();
                    byte[] reply = Frames.answer(Mbufs.bytes(m), ip, mac);
                    Mbufs.free(m);
                    if (reply != null) {
                        out.set(ValueLayout.JAVA_LONG, 0, Mbufs.of(port.mempool(), reply));
                        if (port.txBurst(0, out.address(), 1) == 1) {
                            answered.incrementAndGet();
                        }
                    }
                }
                if (n == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    public long received() {
        return received.get();
    }

    public long answered() {
        return answered.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
