package org.jvswitch.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.OvsJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Puts JSON from two different servers in a form that compares equal when they said the same
 * thing: every UUID becomes {@code <uuid>} (each server makes up its own), objects keyed by UUIDs
 * (table updates) become sorted lists, a select's rows are sorted, member order is ignored,
 * numbers compare by value as OVS lexes them, and "after N ms" loses its N.
 */
public final class Canonical {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Canonical() {
    }

    public static String of(JsonNode n) {
        return OvsJson.toString(canon(n, null), true);
    }

    /** "First row, with UUID x, A.  Second row, with UUID y, B." in an index error: OVS's order is random. */
    private static final Pattern ROWS = Pattern.compile(
            "First row, with UUID <uuid>, (.*?)  Second row, with UUID <uuid>, (.*)$");

    static String text(String s) {
        String t = UUID.matcher(s).replaceAll("<uuid>").replaceAll("after \\d+ ms", "after N ms");
        java.util.regex.Matcher m = ROWS.matcher(t);
        if (m.find()) {
            String a = m.group(1);
            String b = m.group(2);
            String first = a.compareTo(b) <= 0 ? a : b;
            String second = a.compareTo(b) <= 0 ? b : a;
            t = t.substring(0, m.start()) + "Row " + first + "  Row " + second;
        }
        return t;
    }

    private static JsonNode canon(JsonNode n, String key) {
        if (n == null) {
            return F.nullNode();
        }
        switch (n.getNodeType()) {
            case STRING -> {
                return F.textNode(text(n.textValue()));
            }
            case NUMBER -> {
                return OvsJson.isInteger(n) ? F.numberNode(OvsJson.longValue(n)) : F.textNode(OvsJson.formatReal(n.doubleValue()));
            }
            case ARRAY -> {
                ArrayNode a = F.arrayNode();
                List<JsonNode> items = new ArrayList<>();
                n.forEach(e -> items.add(canon(e, null)));
                if ("rows".equals(key)) {
                    items.sort((x, y) -> OvsJson.toString(x, true).compareTo(OvsJson.toString(y, true)));
                }
                items.forEach(a::add);
                return a;
            }
            case OBJECT -> {
                TreeMap<String, List<JsonNode>> m = new TreeMap<>();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    m.computeIfAbsent(text(e.getKey()), k -> new ArrayList<>()).add(canon(e.getValue(), e.getKey()));
                }
                ObjectNode o = F.objectNode();
                m.forEach((k, vs) -> {
                    if (vs.size() == 1) {
                        o.set(k, vs.get(0));
                    } else {
                        vs.sort((x, y) -> OvsJson.toString(x, true).compareTo(OvsJson.toString(y, true)));
                        ArrayNode a = F.arrayNode();
                        vs.forEach(a::add);
                        o.set(k + "*", a);
                    }
                });
                return o;
            }
            default -> {
                return n;
            }
        }
    }
}
