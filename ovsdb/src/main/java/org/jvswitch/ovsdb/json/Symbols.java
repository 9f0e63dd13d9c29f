package org.jvswitch.ovsdb.json;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The named UUIDs of one transaction ({@code "uuid-name"} and {@code ["named-uuid", name]}).
 * A name gets its UUID when first seen, whether in an insert's {@code uuid-name} or in a value
 * that refers to it, so a value may name a row inserted by a later operation. Engine thread
 * only.
 */
public final class Symbols {

    /** One name: its UUID and whether an insert created it. */
    public static final class Symbol {
        UUID uuid;
        boolean created;

        public UUID uuid() {
            return uuid;
        }

        public boolean created() {
            return created;
        }
    }

    private final Map<String, Symbol> byName = new HashMap<>();

    /** The UUID of {@code name}, made up now if the name is new. */
    public UUID use(String name) {
        return symbol(name).uuid;
    }

    /** The symbol of {@code name}, created with a fresh UUID if new. */
    public Symbol symbol(String name) {
        return byName.computeIfAbsent(name, n -> {
            Symbol s = new Symbol();
            s.uuid = Uuids.random();
            return s;
        });
    }

    /** Marks {@code symbol} as created by an insert that uses {@code uuid}. */
    public void create(Symbol symbol, UUID uuid) {
        symbol.uuid = uuid;
        symbol.created = true;
    }
}
