package org.jvswitch.ovsdb.db;

/** Answers {@code assert}: does the session running a transaction own lock {@code name}? */
@FunctionalInterface
public interface LockChecker {

    /** No locks at all. */
    LockChecker NONE = name -> false;

    boolean holds(String name);
}
