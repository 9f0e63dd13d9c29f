package org.jvswitch.vlog;

/**
 * A vlog setting that cannot be applied: a bad spec word, an unknown module, a bad facility.
 * The message is what OVS would say, fit to send back as a unixctl error or print at start-up.
 */
public final class VlogSpecException extends Exception {

    public VlogSpecException(String message) {
        super(message);
    }
}
