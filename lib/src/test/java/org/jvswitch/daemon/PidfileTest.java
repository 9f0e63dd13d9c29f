package org.jvswitch.daemon;

import org.junit.jupiter.api.Test;
import org.jvswitch.testing.TempRunDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PidfileTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void createsLockedFileWithPidAndRemovesItOnClose() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path path;
            try (Pidfile p = Pidfile.create(dir.runDirs(), "ovs-vswitchd")) {
                path = p.path();
                assertEquals(dir.resolve("ovs-vswitchd.pid"), path);
                assertEquals(SELF + "\n", Files.readString(path));
                assertEquals(SELF, Pidfile.read(path));
                assertEquals(SELF, p.pid());
            }
            assertFalse(Files.exists(path));
            assertEquals(-1, Pidfile.read(path));
        }
    }

    @Test
    void overwritesStaleFile() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path path = dir.resolve("sub/dir/prog.pid");
            Files.createDirectories(path.getParent());
            Files.writeString(path, "999999999\nleftover garbage from a crash\n");
            try (Pidfile p = Pidfile.create(path, "prog")) {
                assertEquals(SELF + "\n", Files.readString(p.path()));
            }
        }
    }

    @Test
    void secondPidfileInThisJvmIsRefused() throws Exception {
        try (TempRunDir dir = TempRunDir.create(); Pidfile p = Pidfile.create(dir.runDirs(), "prog")) {
            PidfileException e = assertThrows(PidfileException.class, () -> Pidfile.create(dir.runDirs(), "prog"));
            assertEquals("prog is already running (pid " + SELF + ")", e.getMessage());
            // the refused attempt must not have dropped our lock or file
            assertEquals(SELF + "\n", Files.readString(p.path()));
        }
    }

    @Test
    void lockHeldByAnotherProcessIsAConflict() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path path = dir.resolve("holder.pid");
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), PidfileHolder.class.getName(), path.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("locked " + child.pid(), out.readLine());

                PidfileException e = assertThrows(PidfileException.class, () -> Pidfile.create(path, "holder"));
                assertEquals("holder is already running (pid " + child.pid() + ")", e.getMessage());
                assertEquals(child.pid(), e.holderPid());
                assertEquals(child.pid(), Pidfile.read(path), "the holder's file is untouched");
            } finally {
                child.getOutputStream().close();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            }
            assertEquals(0, child.exitValue());
            assertFalse(Files.exists(path), "the holder removed its file on clean exit");
            try (Pidfile p = Pidfile.create(path, "holder")) {
                assertEquals(SELF, Pidfile.read(p.path()));
            }
        }
    }
}
