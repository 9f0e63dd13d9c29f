/**
 * The OVSDB server (RFC 7047 and Open vSwitch's extensions), its storage and client. The module
 * exists so the reactor and its dependency direction (control -> ovsdb -> lib) are in place; the
 * server itself is the OVSDB issue's work.
 */
package org.jvswitch.ovsdb;
