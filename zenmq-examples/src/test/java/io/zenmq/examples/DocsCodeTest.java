// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the user documentation compiles against zenmq (the "before"
 * blocks of the migration guide against JeroMQ 0.6.0), so the docs cannot drift from the API.
 *
 * <p>A block is compiled as it stands when it is a whole source file (it has a {@code package},
 * an {@code import} or a top-level type); otherwise as statements in a method, or, if it declares
 * methods, as members of a class. Common imports (io.zenmq.*, java.util.*, java.time.*, ...) are
 * added. An HTML comment on the line just above the fence adds to that:
 * {@code <!-- java: given Context ctx, Socket frontend -->} declares the variables a fragment uses
 * (as the method's parameters); {@code <!-- java: jeromq -->} compiles against JeroMQ instead of
 * zenmq (both can be combined: {@code <!-- java: jeromq, given ZContext ctx -->}).
 */
class DocsCodeTest {
    private static final String ZENMQ_IMPORTS = """
            import io.zenmq.*;
            import java.io.*;
            import java.nio.*;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.time.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import static java.nio.charset.StandardCharsets.UTF_8;
            import static org.junit.jupiter.api.Assertions.*;
            """;
    private static final String JEROMQ_IMPORTS = """
            import org.zeromq.*;
            import java.io.*;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.time.*;
            import java.util.*;
            """;
    private static final Pattern WHOLE_FILE = Pattern.compile(
            "(?m)^(package |(public |final |abstract )*(class|record|interface|enum) )");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import [\\w.*]+;\\s*$");
    private static final Pattern MODULE = Pattern.compile("(?m)^(open )?module [\\w.]+ \\{");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (final |abstract )*(class|record|interface|enum) (\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "(?m)^(public |private |protected |static |final )*[\\w<>\\[\\],.? ]+ \\w+\\([^;]*\\)\\s*(throws [\\w., ]+)?\\s*\\{\\s*$");
    private static final Pattern DIRECTIVE_GIVEN = Pattern.compile("given\\s+(.*)$");

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheDocsCompiles() throws IOException {
        List<Docs.JavaBlock> blocks = new ArrayList<>();
        for (Path file : Docs.markdownFiles()) {
            blocks.addAll(Docs.javaBlocks(file));
        }
        assertThat(blocks).as("Java blocks in the docs").hasSizeGreaterThan(20);
        List<Plan> plans = new ArrayList<>();
        for (Docs.JavaBlock block : blocks) {
            plans.add(plan(block, "Snippet" + plans.size()));
        }
        // fast path: every fragment in one compilation; only if that fails, one at a time
        Map<String, String> fragments = new LinkedHashMap<>();
        for (Plan plan : plans) {
            if (plan.alternate() != null) {
                fragments.put(plan.className(), plan.source());
            }
        }
        boolean fragmentsCompile = errors(fragments, null, "all") == null;
        List<String> failures = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan.alternate() != null && fragmentsCompile) {
                continue;
            }
            String errors = compile(plan);
            if (errors != null) {
                Docs.JavaBlock block = plan.block();
                failures.add(block.where() + (block.directive().isEmpty() ? "" : " [" + block.directive() + "]")
                        + "\n" + errors);
            }
        }
        assertThat(failures).as("Java blocks that do not compile").isEmpty();
    }

    @Test
    void readmeQuickStartIsTheOneTheReleaseTestRuns() throws IOException {
        Path root = Docs.root();
        String quickStart = Docs.javaBlocks(root.resolve("README.md")).get(0).code();
        String consumer = Files.readString(
                root.resolve("zenmq-release-test/src/test/resources/consumer/src/main/java/consumer/Main.java"));
        String body = quickStart.substring(quickStart.indexOf("try ("));
        assertThat(withoutCommentsAndSpace(consumer))
                .as("zenmq-release-test's consumer/Main.java runs the README's first example")
                .contains(withoutCommentsAndSpace(body));
    }

    private static String withoutCommentsAndSpace(String code) {
        return code.replaceAll("//[^\\n]*", "").replaceAll("\\s+", "");
    }

    /**
     * How one block is compiled: as {@code source} (a class named {@code className}), else as
     * {@code alternate} (fragments only: statements or members, whichever was not tried first).
     */
    private record Plan(Docs.JavaBlock block, String className, String source, String alternate, String modulePath) {
    }

    /** Compiles one planned block on its own; returns the compiler's errors, or null if it compiled. */
    private String compile(Plan plan) throws IOException {
        String first = errors(Map.of(plan.className(), plan.source()), plan.modulePath(), plan.className());
        if (first == null || plan.alternate() == null) {
            return first;
        }
        String second = errors(Map.of(plan.className(), plan.alternate()), null, plan.className() + "-alternate");
        return second == null ? null : first;
    }

    private static Plan plan(Docs.JavaBlock block, String className) {
        String directive = block.directive();
        boolean jeromq = directive.contains("jeromq");
        String imports = jeromq ? JEROMQ_IMPORTS : ZENMQ_IMPORTS;
        Matcher given = DIRECTIVE_GIVEN.matcher(directive);
        String parameters = given.find() ? given.group(1).strip() : "";
        String code = block.code();
        if (MODULE.matcher(code).find()) {
            return new Plan(block, "module-info", code, null, modulePath());
        }
        if (WHOLE_FILE.matcher(code).find()) {
            Matcher type = PUBLIC_TYPE.matcher(code);
            String name = type.find() ? type.group(3) : className;
            String source = IMPORT.matcher(code).find() || code.startsWith("package ") ? code : imports + code;
            return new Plan(block, name, source, null, null);
        }
        // a fragment's own imports go to the top, with the common ones
        Matcher ownImports = IMPORT.matcher(code);
        while (ownImports.find()) {
            imports = imports + ownImports.group() + "\n";
        }
        code = IMPORT.matcher(code).replaceAll("");
        String fields = parameters.isEmpty() ? "" : String.join("; ", splitTopLevel(parameters)) + ";";
        String asStatements = imports + "class " + className + " {\n static void snippet(" + parameters
                + ") throws Exception {\n" + code + "\n }\n}\n";
        String asMembers = imports + "class " + className + " {\n" + fields + "\n" + code + "\n}\n";
        boolean looksLikeMembers = METHOD.matcher(code).find() && !code.strip().endsWith(";");
        return looksLikeMembers
                ? new Plan(block, className, asMembers, asStatements, null)
                : new Plan(block, className, asStatements, asMembers, null);
    }

    /** Splits "Map<K, V> m, Socket s" at the commas outside angle brackets. */
    private static List<String> splitTopLevel(String parameters) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(parameters.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(parameters.substring(start).strip());
        return parts;
    }

    /** The module path for a {@code module-info} block: zenmq and what its module requires. */
    private static String modulePath() {
        return Arrays.stream(classPath().split(File.pathSeparator))
                .filter(entry -> entry.contains("zenmq-core") || entry.contains("bcprov"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Compiles sources (class name to text) together into a directory of their own; returns the
     * errors, each with the source line it is about, or null if they compiled.
     */
    private String errors(Map<String, String> sources, String modulePath, String outName) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach((className, source) -> files.add(
                new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                }));
        Path out = Files.createDirectories(classes.resolve(outName));
        List<String> options = modulePath == null
                ? List.of("-proc:none", "--release", "17", "-implicit:none", "-d", out.toString(), "-cp", classPath())
                : List.of("-proc:none", "--release", "17", "-d", out.toString(), "--module-path", modulePath);
        if (compiler.getTask(null, null, diagnostics, options, null, files).call()) {
            return null;
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "  line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT) + "\n    "
                        + sourceLine(d.getSource() == null ? null : sources.get(className(d.getSource())),
                                d.getLineNumber()))
                .collect(Collectors.joining("\n"));
    }

    private static String className(JavaFileObject file) {
        String path = file.toUri().getPath();
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
    }

    private static String sourceLine(String source, long line) {
        if (source == null || line <= 0) {
            return "";
        }
        String[] lines = source.split("\n", -1);
        return line <= lines.length ? lines[(int) line - 1].strip() : "";
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", File.pathSeparator);
    }
}
