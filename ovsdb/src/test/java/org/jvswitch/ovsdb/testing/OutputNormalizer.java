package org.jvswitch.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the output of OVS's clients comparable between two servers: UUIDs masked (each server
 * makes up its own), and whatever the client prints in UUID-hash order (records of
 * {@code list}/{@code find}, the tree of {@code show}, rows of {@code --format=json}, lines of
 * csv and table output) put in a fixed order.
 */
public final class OutputNormalizer {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("\\b[0-9a-f]{8}\\b");

    private OutputNormalizer() {
    }

    public static String mask(String s) {
        return UUID.matcher(s).replaceAll("<uuid>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>");
    }

    /** Masks UUIDs and sorts the blank-line separated records. */
    public static String records(String s) {
        String m = mask(s);
        List<String> recs = new ArrayList<>(Arrays.asList(m.split("\n\n")));
        recs.replaceAll(String::strip);
        recs.removeIf(String::isEmpty);
        recs.sort(null);
        return String.join("\n\n", recs);
    }

    /** Masks UUIDs and sorts lines (csv, table bodies, sets printed one per line). */
    public static String lines(String s) {
        List<String> l = new ArrayList<>(Arrays.asList(mask(s).split("\n")));
        l.sort(null);
        return String.join("\n", l);
    }

    /** Masks UUIDs and sorts each indented block's children (ovs-vsctl show, ovsdb-client dump trees). */
    public static String tree(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(mask(s).split("\n")));
        return String.join("\n", sortChildren(lines, 0, lines.size(), -1));
    }

    private static List<String> sortChildren(List<String> lines, int from, int to, int parentIndent) {
        List<List<String>> blocks = new ArrayList<>();
        int i = from;
        while (i < to) {
            int indent = indent(lines.get(i));
            int j = i + 1;
            while (j < to && indent(lines.get(j)) > indent) {
                j++;
            }
            List<String> block = new ArrayList<>();
            block.add(lines.get(i));
            block.addAll(sortChildren(lines, i + 1, j, indent));
            blocks.add(block);
            i = j;
        }
        blocks.sort((a, b) -> String.join("\n", a).compareTo(String.join("\n", b)));
        List<String> out = new ArrayList<>();
        blocks.forEach(out::addAll);
        return out;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** Masks UUIDs in JSON output and sorts the "data" rows of ovs-vsctl/ovsdb-client JSON tables. */
    public static String json(String s) {
        try {
            JsonNode n = JsonRpcMapper.get().readTree(mask(s));
            if (n == null) {
                return mask(s);
            }
            return Canonical.of(sortData(n));
        } catch (IOException e) {
            return mask(s);
        }
    }

    private static JsonNode sortData(JsonNode n) {
        if (n.isArray()) {
            n.forEach(OutputNormalizer::sortData);
        } else if (n.isObject()) {
            JsonNode data = n.get("data");
            if (data != null && data.isArray()) {
                List<JsonNode> rows = new ArrayList<>();
                data.forEach(rows::add);
                rows.sort((a, b) -> Canonical.of(a).compareTo(Canonical.of(b)));
                com.fasterxml.jackson.databind.node.ArrayNode a = (com.fasterxml.jackson.databind.node.ArrayNode) data;
                a.removeAll();
                rows.forEach(a::add);
            }
            n.forEach(OutputNormalizer::sortData);
        }
        return n;
    }

    /** Masks the 8-hex-digit UUID prefixes ovsdb-tool prints. */
    public static String shortUuids(String s) {
        return SHORT_UUID.matcher(mask(s)).replaceAll("<u8>");
    }
}
