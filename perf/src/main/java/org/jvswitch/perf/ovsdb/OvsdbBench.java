package org.jvswitch.perf.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.ovsdb.client.OvsdbClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transaction-rate half of {@code ./jvs bench ovsdb} (deploy/bench/ovsdb.sh): CLIENTS
 * connections each run small ovs-vsctl-style transactions back to back against one server (any
 * OVSDB server: jvswitch's or OVS's) and the committed transactions per second are printed.
 *
 * <p>Each transaction is what {@code ovs-vsctl set bridge brN external_ids:k=v} with a change
 * counter sends: verify ({@code wait}) the Open_vSwitch row's bridges, replace one key of the
 * client's own bridge's external_ids, bump {@code next_cfg}, and a comment. Every client has its
 * own bridge, so transactions do not conflict.
 *
 * <p>{@code durable} adds {@code {"op": "commit", "durable": true}}, which makes ovsdb-server sync
 * the transaction to disk before replying, as jvswitch always does.
 *
 * <p>With {@code WINDOW} above 1 each client keeps that many transactions in flight (a stream:
 * sent back to back, replies collected as they come), as a busy controller or a replaying client
 * does; with 1 it waits for each reply before sending the next, as ovs-vsctl does.
 *
 * <pre>
 * usage: OvsdbBench REMOTE CLIENTS SECONDS [WARMUP-SECONDS [WINDOW [durable]]]
 * prints: tps=NNNN clients=N seconds=S errors=E
 * </pre>
 */
public final class OvsdbBench {

    private OvsdbBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: OvsdbBench REMOTE CLIENTS SECONDS [WARMUP-SECONDS]");
            System.exit(2);
        }
        String remote = args[0];
        int clients = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 1;
        int window = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean durable = args.length > 5 && args[5].equals("durable");
        String[] bridgeUuids = setUp(remote, clients);
        String ovsUuid = bridgeUuids[clients];
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (OvsdbClient client = OvsdbClient.connect(remote, null)) {
                    String bridges = String.join(",", bridgeList(bridgeUuids, clients));
                    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(window);
                    for (long i = 0; !stop.get(); i++) {
                        slots.acquire();
                        client.transact("Open_vSwitch", ops(ovsUuid, bridges, bridgeUuids[id], id, i, durable)).whenComplete((r, e) -> {
                            slots.release();
                            if (e != null || r.size() != (durable ? 5 : 4) || r.get(r.size() - 1).has("error") || r.get(0).has("error")) {
                                errors.incrementAndGet();
                            } else if (counting.get()) {
                                done.incrementAndGet();
                            }
                        });
                    }
                    slots.acquire(window);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("client " + id + ": " + e);
                }
            }));
        }
        Thread.sleep((long) (warmup * 1000));
        counting.set(true);
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        counting.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        System.out.printf("tps=%.0f clients=%d window=%d seconds=%.1f errors=%d%n", done.get() / elapsed, clients, window,
                elapsed, errors.get());
    }

    private static List<String> bridgeList(String[] uuids, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("[\"uuid\",\"" + uuids[i] + "\"]");
        }
        return out;
    }

    private static JsonNode[] ops(String ovs, String bridges, String bridge, int client, long i, boolean durable)
            throws IOException {
        String s = "[{\"op\":\"wait\",\"table\":\"Open_vSwitch\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + ovs + "\"]]],"
                + "\"columns\":[\"bridges\"],\"until\":\"==\",\"rows\":[{\"bridges\":[\"set\",[" + bridges + "]]}],"
                + "\"timeout\":0},"
                + "{\"op\":\"mutate\",\"table\":\"Bridge\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + bridge + "\"]]],"
                + "\"mutations\":[[\"external_ids\",\"delete\",[\"set\",[\"bench\"]]],"
                + "[\"external_ids\",\"insert\",[\"map\",[[\"bench\",\"" + i + "\"]]]]]},"
                + "{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + ovs + "\"]]],"
                + "\"mutations\":[[\"next_cfg\",\"+=\",1]]},"
                + "{\"op\":\"comment\",\"comment\":\"ovs-vsctl: ovs-vsctl set bridge br-bench" + client
                + " external_ids:bench=" + i + "\"}" + (durable ? ",{\"op\":\"commit\",\"durable\":true}" : "") + "]";
        JsonNode a = JsonRpcMapper.get().readTree(s);
        JsonNode[] out = new JsonNode[a.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a.get(k);
        }
        return out;
    }

    /** Creates the Open_vSwitch row (if needed) and one bridge per client; returns their UUIDs, then the row's. */
    private static String[] setUp(String remote, int clients) throws Exception {
        try (OvsdbClient c = OvsdbClient.connect(remote, null)) {
            ArrayNode r = c.transact("Open_vSwitch", JsonRpcMapper.get().readTree(
                    "{\"op\":\"select\",\"table\":\"Open_vSwitch\",\"where\":[],\"columns\":[\"_uuid\"]}")).join();
            String ovs;
            if (r.get(0).get("rows").isEmpty()) {
                ArrayNode ins = c.transact("Open_vSwitch", JsonRpcMapper.get().readTree(
                        "{\"op\":\"insert\",\"table\":\"Open_vSwitch\",\"row\":{}}")).join();
                ovs = ins.get(0).get("uuid").get(1).textValue();
            } else {
                ovs = r.get(0).get("rows").get(0).get("_uuid").get(1).textValue();
            }
            List<JsonNode> ops = new ArrayList<>();
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < clients; i++) {
                ops.add(JsonRpcMapper.get().readTree("{\"op\":\"insert\",\"table\":\"Bridge\",\"uuid-name\":\"b" + i
                        + "\",\"row\":{\"name\":\"br-bench" + i + "\"}}"));
                names.append(i > 0 ? "," : "").append("[\"named-uuid\",\"b").append(i).append("\"]");
            }
            ops.add(JsonRpcMapper.get().readTree("{\"op\":\"update\",\"table\":\"Open_vSwitch\",\"where\":[],"
                    + "\"row\":{\"bridges\":[\"set\",[" + names + "]]}}"));
            ArrayNode res = c.transact("Open_vSwitch", ops.toArray(JsonNode[]::new)).join();
            String[] out = new String[clients + 1];
            for (int i = 0; i < clients; i++) {
                JsonNode u = res.get(i).get("uuid");
                if (u == null) {
                    throw new IllegalStateException("set-up failed: " + res);
                }
                out[i] = u.get(1).textValue();
            }
            out[clients] = ovs;
            return out;
        }
    }
}
