package org.jvswitch.daemon;

import java.nio.file.Path;

/**
 * Child process for {@link PidfileTest}: takes the pidfile given as argument, prints "locked",
 * and holds it until its standard input closes.
 */
public final class PidfileHolder {

    private PidfileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Pidfile p = Pidfile.create(Path.of(args[0]), "holder")) {
            System.out.println("locked " + p.pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
