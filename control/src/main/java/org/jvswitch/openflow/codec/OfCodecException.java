package org.jvswitch.openflow.codec;

import org.jvswitch.ofproto.OfError;

/**
 * A message we could not decode, with the OpenFlow error it deserves (OpenFlow 1.3 names, as
 * {@link OfError}). It is an {@link OfError}, so handlers answer it the same way; it carries no
 * stack trace (bad input is routine, not a bug).
 */
public final class OfCodecException extends OfError {
    private static final long serialVersionUID = 1L;

    public OfCodecException(Type type, String code, String detail) {
        super(type, code, detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
