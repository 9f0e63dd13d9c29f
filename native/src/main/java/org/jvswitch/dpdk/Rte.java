package org.jvswitch.dpdk;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.jvswitch.dpdk.gen.jvs_shim_h;

/** Small helpers over DPDK's error conventions and C strings, for the control path. */
public final class Rte {
    /** Linux errno values DPDK returns that callers test for. */
    public static final int EPERM = 1, ENOENT = 2, EIO = 5, ENODEV = 19, EAGAIN = 11, ENOMEM = 12,
            EBUSY = 16, EEXIST = 17, EINVAL = 22, ENOSPC = 28, ENOTSUP = 95, EALREADY = 114;

    private Rte() {
    }

    /** rte_errno of the calling thread. */
    public static int errno() {
        return jvs_shim_h.jvs_errno();
    }

    /** DPDK's text for an errno (positive or negative), e.g. "No such file or directory". */
    public static String strerror(int errno) {
        return cString(jvs_shim_h.rte_strerror(Math.abs(errno)));
    }

    /** "text (N)" for an errno, the form our error messages use. */
    public static String describe(int errno) {
        return strerror(errno) + " (" + Math.abs(errno) + ")";
    }

    /**
     * Checks a DPDK return code that is 0 or a negative errno (the ethdev convention).
     *
     * @return {@code rc} when it is not negative
     * @throws DpdkException "what failed: reason (errno)" when it is
     */
    public static int check(int rc, String what) {
        if (rc < 0) {
            throw new DpdkException(what + " failed: " + describe(rc), -rc);
        }
        return rc;
    }

    /** Reads a NUL-terminated C string; "" for NULL. */
    public static String cString(MemorySegment p) {
        if (p == null || p.equals(MemorySegment.NULL)) {
            return "";
        }
        return p.reinterpret(Integer.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }
}
