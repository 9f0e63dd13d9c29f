/**
 * jvswitch's OVSDB server: RFC 7047 and the Open vSwitch extensions that {@code ovs-vsctl},
 * {@code ovsdb-client} and OVS's IDLs use, with Open vSwitch's standalone file format.
 *
 * <ul>
 * <li>{@code json}: OVSDB's JSON notation (atoms, sets, maps, named UUIDs), OVS-style JSON text
 *     and the error object every method answers with.</li>
 * <li>{@code schema}: the schema language (types, constraints, tables, indexes).</li>
 * <li>{@code db}: tables, rows, transactions and their checks, and the single-writer
 *     {@code Engine} that runs every transaction.</li>
 * <li>{@code monitor}: {@code monitor}, {@code monitor_cond}, {@code monitor_cond_since} and the
 *     update notifications they send.</li>
 * <li>{@code storage}: the database file ({@code OVSDB JSON} records), its recovery, group
 *     commit and compaction.</li>
 * <li>{@code server}: sessions, the JSON-RPC methods, locks, remotes, the {@code _Server}
 *     database, the embedding API ({@code OvsdbServer}) and {@code jvs-ovsdb-server}.</li>
 * <li>{@code client}: a small JSON-RPC client for tests, benchmarks and the switch.</li>
 * </ul>
 */
package org.jvswitch.ovsdb;
