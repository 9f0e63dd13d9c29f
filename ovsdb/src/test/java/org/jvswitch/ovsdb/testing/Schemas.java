package org.jvswitch.ovsdb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The schemas tests use, as files (OVS's tools want paths). */
public final class Schemas {

    private Schemas() {
    }

    /** jvswitch's Open_vSwitch schema. */
    public static Path vswitch() {
        return copy("/org/jvswitch/ovsdb/vswitch.ovsschema", "vswitch");
    }

    /** A schema exercising every type and rule (test resource). */
    public static Path test() {
        return copy("/org/jvswitch/ovsdb/test.ovsschema", "test");
    }

    private static Path copy(String resource, String name) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + ": missing");
            }
            Path p = Files.createTempFile("jvs-" + name, ".ovsschema");
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
