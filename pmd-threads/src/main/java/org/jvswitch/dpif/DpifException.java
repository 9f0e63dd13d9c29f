package org.jvswitch.dpif;

/**
 * A datapath operation failed; {@link #errno()} names the reason as OVS's dpif layer does
 * ("File exists", "No such file or directory", "File too large", "Invalid argument").
 */
public final class DpifException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String EEXIST = "File exists";
    public static final String ENOENT = "No such file or directory";
    public static final String EFBIG = "File too large";
    public static final String EINVAL = "Invalid argument";

    private final String errno;

    public DpifException(String errno, String detail) {
        super(detail == null || detail.isEmpty() ? errno : errno + ": " + detail);
        this.errno = errno;
    }

    public String errno() {
        return errno;
    }
}
