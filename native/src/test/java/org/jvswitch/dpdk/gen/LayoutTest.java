package org.jvswitch.dpdk.gen;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks the jextract-shaped bindings in this package against the C compiler. The C program is
 * generated from the Java side: for every class here with a {@code layout()} returning a
 * {@link GroupLayout} it compares sizeof/_Alignof, and for every {@code X$offset()} the C offsetof
 * and field size; it compares every {@code --include-constant} of native/jextract-symbols.txt with
 * the C value, and checks that every {@code --include-function} has a descriptor and resolves in
 * libjvsdpdk.so. Each mismatch is one failed assertion; all of them are reported together.
 */
class LayoutTest {

    static final String SETUP_HINT = "gcc and libdpdk-dev are needed: run 'sudo ./jvs setup'";
    private static final String PACKAGE = "org.jvswitch.dpdk.gen";
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else",
            "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
            "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected",
            "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null");

    /** How the C value must relate to the Java one. */
    enum Rel { EQUAL, JAVA_AT_MOST }

    /** One comparison of a Java value with the value of a C expression. */
    record Check(String what, String cExpr, long javaValue, Rel rel) {
        Check withJavaValue(long v) {
            return new Check(what, cExpr, v, rel);
        }
    }

    /** What jextract-symbols.txt asks for, by kind (function, struct, union, typedef, constant, var). */
    record Symbols(Map<String, List<String>> byKind) {
        List<String> of(String kind) {
            return byKind.getOrDefault(kind, List.of());
        }
    }

    @Test
    void bindingsMatchTheCCompiler() throws Exception {
        Path root = repoRoot();
        Symbols symbols = readSymbols(root);
        requireShimLoadable();
        List<Class<?>> records = recordClasses();
        assertTrue(records.size() >= symbols.of("struct").size() + symbols.of("union").size(),
                "found only " + records + " in " + PACKAGE);

        List<Check> checks = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Class<?> c : records) {
            checks.addAll(layoutChecks(c, symbols));
            mismatches.addAll(javaSideChecks(c));
        }
        checks.addAll(constantChecks(symbols));
        mismatches.addAll(compareWithC(root, checks));
        mismatches.addAll(functionChecks(symbols));
        mismatches.addAll(typedefChecks(symbols));
        assertNoMismatch(checks.size(), mismatches);
    }

    /** The comparison must not pass vacuously: a wrong offset, size and constant are each reported. */
    @Test
    void comparisonReportsAWrongExpectedValue() throws Exception {
        Path root = repoRoot();
        Symbols symbols = readSymbols(root);
        requireShimLoadable();
        List<Check> checks = new ArrayList<>(layoutChecks(rte_mbuf.class, symbols));
        checks.addAll(constantChecks(symbols));
        assertEquals(List.of(), compareWithC(root, checks), "the untampered checks should all pass");

        List<String> tampered = new ArrayList<>(List.of("rte_mbuf.next: offset", "rte_mbuf: sizeof"));
        tampered.addAll(symbols.of("constant").stream().limit(1).toList());
        List<Check> wrong = new ArrayList<>();
        for (Check c : checks) {
            wrong.add(tampered.contains(c.what()) ? c.withJavaValue(c.javaValue() + 8) : c);
        }
        List<String> found = compareWithC(root, wrong);
        assertEquals(tampered.size(), found.size(), "expected one mismatch per tampered value: " + found);
        for (String t : tampered) {
            assertTrue(found.stream().anyMatch(f -> f.startsWith(t + ":")), t + " not reported in " + found);
        }
    }

    // ---------------------------------------------------------------- checks built from the Java side

    private static List<Check> layoutChecks(Class<?> c, Symbols symbols) throws ReflectiveOperationException {
        GroupLayout layout = (GroupLayout) c.getMethod("layout").invoke(null);
        String name = javaName(c);
        String type = cType(c, symbols);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(name + ": sizeof", "sizeof(" + type + ")", layout.byteSize(), Rel.EQUAL));
        // A Java struct layout is aligned to its most aligned member; C may align more (__rte_aligned,
        // __rte_cache_aligned). Only a Java alignment larger than C's is wrong.
        checks.add(new Check(name + ": alignment", "_Alignof(" + type + ")", layout.byteAlignment(),
                Rel.JAVA_AT_MOST));
        for (Method m : fieldOffsetMethods(c)) {
            String field = m.getName().substring(0, m.getName().length() - "$offset".length());
            String cField = cIdentifier(field);
            long offset = (long) m.invoke(null);
            MemoryLayout fieldLayout = (MemoryLayout) c.getMethod(field + "$layout").invoke(null);
            checks.add(new Check(name + "." + field + ": offset",
                    "__builtin_offsetof(" + type + ", " + cField + ")", offset, Rel.EQUAL));
            checks.add(new Check(name + "." + field + ": size",
                    "sizeof(((" + type + " *)0)->" + cField + ")", fieldLayout.byteSize(), Rel.EQUAL));
        }
        return checks;
    }

    /** Consistency of each class with itself: group layout vs $offset, array accessors vs offset. */
    private static List<String> javaSideChecks(Class<?> c) throws ReflectiveOperationException {
        List<String> mismatches = new ArrayList<>();
        GroupLayout layout = (GroupLayout) c.getMethod("layout").invoke(null);
        String name = javaName(c);
        for (Method m : fieldOffsetMethods(c)) {
            String field = m.getName().substring(0, m.getName().length() - "$offset".length());
            long offset = (long) m.invoke(null);
            Long inLayout = memberOffset(layout, field, 0);
            if (inLayout == null || inLayout != offset) {
                mismatches.add(name + "." + field + ": offset in layout() " + inLayout + ", $offset() " + offset);
            }
            Method dims = findMethod(c, field + "$dimensions");
            if (dims != null) {
                String problem = checkArrayAccessors(c, field, offset, (MemoryLayout) c.getMethod(field + "$layout").invoke(null));
                if (problem != null) {
                    mismatches.add(name + "." + field + ": " + problem);
                }
            }
        }
        return mismatches;
    }

    /** Writes element 1 through the indexed setter and looks for it at offset + 1 * element size. */
    private static String checkArrayAccessors(Class<?> c, String field, long offset, MemoryLayout fieldLayout)
            throws ReflectiveOperationException {
        if (!(fieldLayout instanceof SequenceLayout seq) || seq.elementCount() < 2
                || !(seq.elementLayout() instanceof ValueLayout element)) {
            return null;
        }
        Class<?> carrier = element.carrier();
        Method setter = c.getMethod(field, MemorySegment.class, long.class, carrier);
        Method getter = c.getMethod(field, MemorySegment.class, long.class);
        GroupLayout layout = (GroupLayout) c.getMethod("layout").invoke(null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(layout);
            setter.invoke(null, s, 1L, oneOf(carrier));
            long at = offset + element.byteSize();   // element [1], little-endian: its first byte is 1
            int nonZero = 0;
            for (byte b : s.toArray(ValueLayout.JAVA_BYTE)) {
                nonZero += b != 0 ? 1 : 0;
            }
            if (s.get(ValueLayout.JAVA_BYTE, at) != 1 || nonZero != 1) {
                return "indexed setter [1] did not write (only) at offset " + at;
            }
            if (!getter.invoke(null, s, 1L).equals(oneOf(carrier))) {
                return "indexed getter [1] did not read back the value written";
            }
        }
        return null;
    }

    private static List<Check> constantChecks(Symbols symbols) throws ReflectiveOperationException {
        List<Check> checks = new ArrayList<>();
        for (String constant : symbols.of("constant")) {
            Method m = findMethod(jvs_shim_h.class, constant);
            if (m == null || m.getParameterCount() != 0
                    || (m.getReturnType() != int.class && m.getReturnType() != long.class)) {
                checks.add(new Check(constant + ": no int/long " + constant + "() in jvs_shim_h", "0", 1, Rel.EQUAL));
                continue;
            }
            long value = ((Number) m.invoke(null)).longValue();
            String expr = "(" + constant + ")";
            // an int constant is compared as the C value converted to int, as jextract converts it
            String cExpr = m.getReturnType() == int.class ? "(int)" + expr : expr;
            checks.add(new Check(constant, cExpr, value, Rel.EQUAL));
        }
        return checks;
    }

    private static List<String> functionChecks(Symbols symbols) {
        List<String> mismatches = new ArrayList<>();
        for (String function : symbols.of("function")) {
            String javaName = javaIdentifier(function);
            try {
                FunctionDescriptor d = (FunctionDescriptor) jvs_shim_h.class.getMethod(javaName + "$descriptor").invoke(null);
                MemorySegment address = (MemorySegment) jvs_shim_h.class.getMethod(javaName + "$address").invoke(null);
                if (address.equals(MemorySegment.NULL)) {
                    mismatches.add(function + ": address is NULL");
                }
                Method wrapper = Arrays.stream(jvs_shim_h.class.getMethods())
                        .filter(m -> m.getName().equals(javaName)).findFirst().orElse(null);
                if (wrapper == null) {
                    mismatches.add(function + ": no wrapper method " + javaName + "(...) in jvs_shim_h");
                } else if (wrapper.getParameterCount() != d.argumentLayouts().size()) {
                    mismatches.add(function + ": wrapper takes " + wrapper.getParameterCount()
                            + " arguments, descriptor has " + d.argumentLayouts().size());
                }
            } catch (NoSuchMethodException e) {
                mismatches.add(function + ": no " + e.getMessage() + " in jvs_shim_h");
            } catch (InvocationTargetException | ExceptionInInitializerError e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                mismatches.add(function + ": does not resolve in libjvsdpdk.so (java.library.path="
                        + System.getProperty("java.library.path") + "): " + cause);
            } catch (IllegalAccessException e) {
                mismatches.add(function + ": " + e);
            }
        }
        return mismatches;
    }

    private static List<String> typedefChecks(Symbols symbols) {
        List<String> mismatches = new ArrayList<>();
        for (String typedef : symbols.of("typedef")) {
            try {
                Class<?> c = Class.forName(PACKAGE + "." + typedef);
                Method descriptor = findMethod(c, "descriptor");
                if (descriptor != null) {   // a function-pointer typedef: descriptor() and Function.apply agree
                    FunctionDescriptor d = (FunctionDescriptor) descriptor.invoke(null);
                    Class<?> fi = Class.forName(PACKAGE + "." + typedef + "$Function");
                    Method apply = fi.getMethod("apply", d.toMethodType().parameterArray());
                    if (apply.getReturnType() != d.toMethodType().returnType()) {
                        mismatches.add(typedef + ": Function.apply returns " + apply.getReturnType());
                    }
                }
            } catch (ReflectiveOperationException e) {
                mismatches.add(typedef + ": " + e);
            }
        }
        return mismatches;
    }

    // ---------------------------------------------------------------- the C side

    /** Compiles and runs a C program printing every check's C value; returns one line per mismatch. */
    static List<String> compareWithC(Path root, List<Check> checks) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jvs-layout-test");
        try {
            StringBuilder c = new StringBuilder()
                    .append("/* generated by LayoutTest from the Java bindings */\n")
                    .append("#include \"jvs_shim.h\"\n#include <stdio.h>\n\nint main(void)\n{\n");
            for (int i = 0; i < checks.size(); i++) {
                c.append("    printf(\"%d %lld\\n\", ").append(i).append(", (long long)(")
                        .append(checks.get(i).cExpr()).append("));\n");
            }
            c.append("    return 0;\n}\n");
            Path source = dir.resolve("layout_check.c");
            Files.writeString(source, c.toString());
            Path exe = dir.resolve("layout_check");

            List<String> compile = new ArrayList<>(List.of("gcc"));
            compile.addAll(Arrays.asList(run(dir, 60, "pkg-config", "--cflags", "libdpdk").trim().split("\\s+")));
            compile.addAll(List.of("-I", root.resolve("native/src/main/c").toString(), "-o", exe.toString(),
                    source.toString()));
            run(dir, 300, compile.toArray(String[]::new));

            Map<Integer, Long> values = new LinkedHashMap<>();
            for (String line : run(dir, 60, exe.toString()).split("\n")) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split(" ");
                    values.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
                }
            }
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Check ch = checks.get(i);
                Long cv = values.get(i);
                boolean ok = cv != null && switch (ch.rel()) {
                    case EQUAL -> cv == ch.javaValue();
                    case JAVA_AT_MOST -> ch.javaValue() <= cv;
                };
                if (!ok) {
                    mismatches.add(ch.what() + ": Java " + ch.javaValue()
                            + (ch.rel() == Rel.JAVA_AT_MOST ? ", must be <= C " : ", C ") + cv
                            + "   [" + ch.cExpr() + "]");
                }
            }
            return mismatches;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(SETUP_HINT + " (could not run " + command[0] + ": " + e.getMessage() + ")");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command[0] + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            if (command[0].equals("pkg-config")) {
                fail(SETUP_HINT + " (pkg-config --cflags libdpdk: " + text.trim() + ")");
            }
            fail(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    // ---------------------------------------------------------------- reflection helpers

    /** Every binding refers to jvs_shim_h, whose initialiser loads libjvsdpdk.so. */
    private static void requireShimLoadable() {
        try {
            Class.forName(jvs_shim_h.class.getName(), true, LayoutTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            fail("cannot load libjvsdpdk.so (java.library.path=" + System.getProperty("java.library.path")
                    + "); build it with: mvn -pl native compile", e);
        }
    }

    /** Every class of the package (nested ones included) whose layout() returns a GroupLayout. */
    static List<Class<?>> recordClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(jvs_shim_h.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = PACKAGE.replace('.', '/') + "/";
        List<String> classFiles = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(prefix))) {
                files.map(p -> p.getFileName().toString()).forEach(classFiles::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length())).forEach(classFiles::add);
            }
        }
        List<Class<?>> result = new ArrayList<>();
        for (String file : classFiles.stream().filter(f -> f.endsWith(".class")).sorted().toList()) {
            String name = PACKAGE + "." + file.substring(0, file.length() - ".class".length());
            if (name.endsWith("package-info")) {
                continue;
            }
            Class<?> c = Class.forName(name, false, LayoutTest.class.getClassLoader());
            Method layout = findMethod(c, "layout");
            if (layout != null && Modifier.isPublic(c.getModifiers()) && layout.getParameterCount() == 0
                    && GroupLayout.class.isAssignableFrom(layout.getReturnType())) {
                result.add(c);
            }
        }
        return result;
    }

    private static List<Method> fieldOffsetMethods(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.getName().endsWith("$offset") && m.getParameterCount() == 0
                        && m.getReturnType() == long.class && Modifier.isStatic(m.getModifiers())
                        && Modifier.isPublic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    private static Method findMethod(Class<?> c, String name) {
        return Arrays.stream(c.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 0)
                .findFirst().orElse(null);
    }

    /** rte_mbuf, rte_mbuf.hash, rte_mbuf.hash.fdir ... */
    private static String javaName(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : javaName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    /** The C type a class binds: a listed struct or union, or the type of the field a nested class is named after. */
    private static String cType(Class<?> c, Symbols symbols) {
        Class<?> outer = c.getEnclosingClass();
        if (outer == null) {
            return (symbols.of("union").contains(c.getSimpleName()) ? "union " : "struct ") + c.getSimpleName();
        }
        String field = cIdentifier(c.getSimpleName());
        String element = findMethod(outer, c.getSimpleName() + "$dimensions") != null ? "[0]" : "";
        return "__typeof__(((" + cType(outer, symbols) + " *)0)->" + field + element + ")";
    }

    /** Offset of the member named {@code name}, looked up through anonymous ($anon$...) groups. */
    private static Long memberOffset(GroupLayout group, String name, long base) {
        for (MemoryLayout member : group.memberLayouts()) {
            long offset = base + (group instanceof java.lang.foreign.StructLayout
                    ? group.byteOffset(MemoryLayout.PathElement.groupElement(group.memberLayouts().indexOf(member)))
                    : 0);
            String memberName = member.name().orElse("");
            if (memberName.equals(cIdentifier(name))) {
                return offset;
            }
            if (memberName.startsWith("$anon$") && member instanceof GroupLayout inner) {
                Long found = memberOffset(inner, name, offset);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String cIdentifier(String javaName) {
        if (javaName.endsWith("_") && JAVA_KEYWORDS.contains(javaName.substring(0, javaName.length() - 1))) {
            return javaName.substring(0, javaName.length() - 1);
        }
        return javaName;
    }

    private static String javaIdentifier(String cName) {
        return JAVA_KEYWORDS.contains(cName) ? cName + "_" : cName;
    }

    private static Object oneOf(Class<?> carrier) {
        if (carrier == byte.class) return (byte) 1;
        if (carrier == short.class) return (short) 1;
        if (carrier == int.class) return 1;
        if (carrier == long.class) return 1L;
        if (carrier == boolean.class) return true;
        if (carrier == float.class) return Float.intBitsToFloat(1);
        if (carrier == double.class) return Double.longBitsToDouble(1);
        throw new IllegalArgumentException(carrier.toString());
    }

    private static void assertNoMismatch(int checked, List<String> mismatches) {
        List<Executable> failures = mismatches.stream()
                .<Executable>map(m -> () -> fail(m))
                .toList();
        assertAll(mismatches.size() + " mismatch(es) between the bindings and gcc / libjvsdpdk.so ("
                + checked + " values compared with gcc)", failures);
    }

    static Symbols readSymbols(Path root) throws IOException {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("native/jextract-symbols.txt"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 2 || !f[0].startsWith("--include-")) {
                fail("native/jextract-symbols.txt: not an --include-<kind> <name> line: " + line);
            }
            byKind.computeIfAbsent(f[0].substring("--include-".length()), k -> new ArrayList<>()).add(f[1]);
        }
        return new Symbols(byKind);
    }

    /** The repository root: -Djvs.root (set by Surefire), else the first parent with native/jextract-symbols.txt. */
    static Path repoRoot() {
        String prop = System.getProperty("jvs.root");
        if (prop != null && !prop.isBlank() && Files.isRegularFile(Path.of(prop, "native/jextract-symbols.txt"))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("native/jextract-symbols.txt"))) {
                return p;
            }
        }
        return fail("cannot find the repository root (native/jextract-symbols.txt): set -Djvs.root");
    }
}
