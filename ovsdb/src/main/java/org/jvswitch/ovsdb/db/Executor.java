package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsdbException;

import java.util.UUID;

/**
 * Runs the operations of one {@code transact} request against a database and commits them
 * (RFC 7047 4.1.3). The result array has one element per operation: each success's result, then
 * the first failure's error and {@code null} for the operations after it; a failure at commit
 * adds one more element. Nothing is applied unless every operation and the commit succeed.
 *
 * <p>A {@code wait} whose condition does not hold yet makes the run {@link Outcome#blocked()}:
 * the caller runs it again after the next commit, or with {@code elapsedMs} at its timeout to
 * get the "timed out" error. Engine thread only.
 */
public final class Executor {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * What a run produced.
     *
     * @param results   the reply's result array (null when blocked)
     * @param commit    the committed changes, or null if the transaction failed or was blocked
     * @param blocked   true if a wait must be retried
     * @param timeoutMs when blocked: the earliest wait timeout in ms from the first run
     *                  ({@link Long#MAX_VALUE}: none)
     */
    public record Outcome(ArrayNode results, Commit commit, boolean blocked, long timeoutMs) {
    }

    private Executor() {
    }

    /**
     * Runs {@code params} ({@code [db-name, operation...]}, the name already checked) on
     * {@code db}.
     *
     * @param elapsedMs how long this transaction has been waiting (0 on its first run)
     * @param txnId     the id the commit gets if it changes anything
     */
    public static Outcome execute(Database db, ArrayNode params, LockChecker locks, long elapsedMs,
                                  UUID txnId, long nowMillis) {
        Txn txn = new Txn(db);
        Execution x = new Execution(locks, elapsedMs);
        Operations ops = new Operations(txn, x);
        ArrayNode results = F.arrayNode(params.size());
        int n = params.size() - 1;
        boolean failed = false;
        for (int i = 1; i <= n; i++) {
            OpParser p = new OpParser(params.get(i), "ovsdb operation " + i + " of " + n);
            ObjectNode result = F.objectNode();
            OvsdbException error = null;
            JsonNode op = p.member("op", OpParser.ID);
            String name = op != null ? op.textValue() : null;
            if (op != null) {
                try {
                    if (!ops.run(name, p, result)) {
                        p.raise("No operation \"" + name + "\"");
                    }
                } catch (OvsdbException e) {
                    error = e;
                }
            }
            OvsdbException parseError = p.finish();
            if (parseError != null) {
                error = parseError;
            }
            if (error == null && db.reserved() && !Operations.readOnly(name)) {
                error = OvsdbException.of("not allowed", name + " operation not allowed on table in reserved database "
                        + db.name());
            }
            if (error != null) {
                if (error == Execution.BLOCKED) {
                    return new Outcome(null, null, true, x.timeoutMs());
                }
                results.add(error.toJson());
                failed = true;
                break;
            }
            results.add(result);
        }
        while (results.size() < n) {
            results.addNull();
        }
        if (failed) {
            return new Outcome(results, null, false, 0);
        }
        try {
            Commit commit = Committer.commit(txn, txnId, nowMillis);
            return new Outcome(results, commit, false, 0);
        } catch (OvsdbException e) {
            results.add(e.toJson());
            return new Outcome(results, null, false, 0);
        }
    }
}
