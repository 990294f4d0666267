// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;

/**
 * Sums a flight recording's {@code jdk.ObjectAllocationSample} events by thread role, allocated
 * class, allocating frame and the innermost zenmq frame (with line numbers), and prints the
 * heaviest sites of each role: where per-message garbage comes from.
 *
 * <p>As a JMH post-processor it writes {@code alloc-sites.txt} next to each recording:
 * {@code -prof "jfr:postProcessor=io.zenmq.jmh.support.AllocationSites"}. By hand:
 * {@code java -cp benchmarks.jar io.zenmq.jmh.support.AllocationSites profile.jfr [top]}.
 * A thread's role is the {@code [role]} that {@link ThreadRoles#assign} appended to its name.
 * Sample weights are JFR's estimates, so the shares matter, not the absolute bytes.
 */
public final class AllocationSites implements JavaFlightRecorderProfiler.PostProcessor {
    private static final int DEFAULT_TOP = 12;
    private static final String EVENT = "jdk.ObjectAllocationSample";

    /** Creates the post-processor; JMH calls this by name. */
    public AllocationSites() {
        // no state: each recording is read on its own
    }

    /**
     * Prints the report of one recording.
     *
     * @param args the recording, then optionally how many sites to list per role
     * @throws IOException if the recording cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: AllocationSites FILE.jfr [TOP]");
        }
        int top = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_TOP;
        report(Path.of(args[0]), top, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    @Override
    public List<File> postProcess(BenchmarkParams params, File recording) {
        File out = new File(recording.getParentFile(), "alloc-sites.txt");
        try (PrintStream print = new PrintStream(Files.newOutputStream(out.toPath()), true, StandardCharsets.UTF_8)) {
            print.println(params.id());
            report(recording.toPath(), DEFAULT_TOP, print);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot summarise " + recording, e);
        }
        return List.of(out);
    }

    /**
     * Reads a recording and prints the heaviest allocation sites of each thread role.
     *
     * @param recording a JFR file
     * @param top sites listed per role
     * @param out where to print
     * @throws IOException if the recording cannot be read
     */
    public static void report(Path recording, int top, PrintStream out) throws IOException {
        Map<String, Map<String, Long>> byRole = new TreeMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!EVENT.equals(event.getEventType().getName())) {
                continue;
            }
            long weight = event.getLong("weight");
            String site = typeName(event.getClass("objectClass").getName()) + "  " + sites(event.getStackTrace());
            byRole.computeIfAbsent(role(event.getThread("eventThread")), r -> new HashMap<>())
                    .merge(site, weight, Long::sum);
            total += weight;
        }
        out.printf("%s: sampled allocation weight %.1f MB%n", recording.getFileName(), total / 1e6);
        for (Map.Entry<String, Map<String, Long>> role : byRole.entrySet()) {
            long roleTotal = role.getValue().values().stream().mapToLong(Long::longValue).sum();
            out.printf("%n[%s] %.1f%% of all%n", role.getKey(), 100.0 * roleTotal / Math.max(1, total));
            List<Map.Entry<String, Long>> sites = new ArrayList<>(role.getValue().entrySet());
            sites.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            for (Map.Entry<String, Long> site : sites.subList(0, Math.min(top, sites.size()))) {
                out.printf("  %5.1f%%  %s%n", 100.0 * site.getValue() / Math.max(1, roleTotal), site.getKey());
            }
        }
    }

    /** Turns a JVM array descriptor ({@code [B}, {@code [[Ljava.lang.Object;}) into Java syntax. */
    private static String typeName(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = jvmName.substring(dims);
        String base = switch (element.charAt(0)) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'Z' -> "boolean";
            default -> element.substring(1, element.length() - 1);
        };
        return base + "[]".repeat(dims);
    }

    /** The role in {@code name [role]}, else the name with its numbers blanked. */
    private static String role(RecordedThread thread) {
        String name = thread == null ? "?" : thread.getJavaName();
        if (name == null) {
            return "?";
        }
        int open = name.lastIndexOf(" [");
        if (open >= 0 && name.endsWith("]")) {
            return name.substring(open + 2, name.length() - 1);
        }
        return name.replaceAll("[0-9]+", "N");
    }

    /** The allocating frame, then the innermost zenmq frame below it if that is another one. */
    private static String sites(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = stack.getFrames();
        String allocating = describe(frames.get(0));
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.zenmq.") && !type.startsWith("io.zenmq.jmh.")) {
                String zenmq = describe(frame);
                return zenmq.equals(allocating) ? allocating : allocating + "  <-  " + zenmq;
            }
        }
        return allocating;
    }

    private static String describe(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }
}
