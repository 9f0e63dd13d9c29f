package org.jvswitch.ovsdb.schema;

/**
 * How a uuid column refers to rows of its {@code refTable}: a strong reference keeps its target
 * alive and may not dangle; a weak one silently disappears when its target is deleted.
 */
public enum RefType {
    STRONG, WEAK
}
