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
 * Summarises a flight recording by thread role: where each side allocates
 * ({@code jdk.ObjectAllocationSample}, summed by sampled weight, per allocated class, allocating
 * frame and innermost zenmq frame) and where it spends CPU ({@code jdk.ExecutionSample}, per
 * executing frame and innermost zenmq frame). Frames carry line numbers, so the report points at
 * the code to change.
 *
 * <p>As a JMH post-processor it writes {@code jfr-summary.txt} next to each recording:
 * {@code -prof "jfr:postProcessor=io.zenmq.jmh.support.JfrSummary"}. By hand:
 * {@code java -cp benchmarks.jar io.zenmq.jmh.support.JfrSummary profile.jfr [top]}. A thread's
 * role is the {@code [role]} that {@link ThreadRoles#assign} appended to its name. Samples are
 * statistical: read the shares, and only with a few hundred samples behind them.
 */
public final class JfrSummary implements JavaFlightRecorderProfiler.PostProcessor {
    private static final int DEFAULT_TOP = 12;
    private static final String ALLOCATION = "jdk.ObjectAllocationSample";
    private static final String EXECUTION = "jdk.ExecutionSample";

    /** Creates the post-processor; JMH calls this by name. */
    public JfrSummary() {
        // no state: each recording is read on its own
    }

    /**
     * Prints the summary of one recording.
     *
     * @param args the recording, then optionally how many lines to list per role and section
     * @throws IOException if the recording cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: JfrSummary FILE.jfr [TOP]");
        }
        int top = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_TOP;
        report(Path.of(args[0]), top, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    @Override
    public List<File> postProcess(BenchmarkParams params, File recording) {
        File out = new File(recording.getParentFile(), "jfr-summary.txt");
        try (PrintStream print = new PrintStream(Files.newOutputStream(out.toPath()), true, StandardCharsets.UTF_8)) {
            print.println("== " + params.id());
            report(recording.toPath(), DEFAULT_TOP, print);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot summarise " + recording, e);
        }
        return List.of(out);
    }

    /**
     * Reads a recording and prints, per thread role, the heaviest allocation sites and the
     * hottest frames.
     *
     * @param recording a JFR file
     * @param top lines listed per role and section
     * @param out where to print
     * @throws IOException if the recording cannot be read
     */
    public static void report(Path recording, int top, PrintStream out) throws IOException {
        Tally allocations = new Tally();
        Tally cpuSelf = new Tally();
        Tally cpuZenmq = new Tally();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (ALLOCATION.equals(type)) {
                String site = typeName(event.getClass("objectClass").getName()) + "  "
                        + allocationSite(event.getStackTrace());
                allocations.add(role(event.getThread("eventThread")), site, event.getLong("weight"));
            } else if (EXECUTION.equals(type)) {
                String role = role(event.getThread("sampledThread"));
                List<RecordedFrame> frames = frames(event.getStackTrace());
                cpuSelf.add(role, frames.isEmpty() ? "(no stack)" : describe(frames.get(0)), 1);
                RecordedFrame zenmq = innermostZenmq(frames);
                cpuZenmq.add(role, zenmq == null ? "(outside zenmq)" : describe(zenmq), 1);
            }
        }
        out.printf("%s%n%nALLOCATION by sampled weight (%.1f MB sampled)%n", recording.getFileName(),
                allocations.total / 1e6);
        allocations.print(top, out);
        out.printf("%nCPU, executing frame (%d samples)%n", cpuSelf.total);
        cpuSelf.print(top, out);
        out.printf("%nCPU, innermost zenmq frame (%d samples)%n", cpuZenmq.total);
        cpuZenmq.print(top, out);
    }

    /** Weights summed per role and per key. */
    private static final class Tally {
        final Map<String, Map<String, Long>> byRole = new TreeMap<>();
        long total;

        void add(String role, String key, long weight) {
            byRole.computeIfAbsent(role, r -> new HashMap<>()).merge(key, weight, Long::sum);
            total += weight;
        }

        void print(int top, PrintStream out) {
            for (Map.Entry<String, Map<String, Long>> role : byRole.entrySet()) {
                long roleTotal = role.getValue().values().stream().mapToLong(Long::longValue).sum();
                out.printf("  [%s] %.1f%% of all%n", role.getKey(), 100.0 * roleTotal / Math.max(1, total));
                List<Map.Entry<String, Long>> lines = new ArrayList<>(role.getValue().entrySet());
                lines.sort(Map.Entry.<String, Long>comparingByValue().reversed());
                for (Map.Entry<String, Long> line : lines.subList(0, Math.min(top, lines.size()))) {
                    out.printf("    %5.1f%%  %s%n", 100.0 * line.getValue() / Math.max(1, roleTotal), line.getKey());
                }
            }
        }
    }

    /** The role in {@code name [role]}, else the name with its numbers blanked. */
    private static String role(RecordedThread thread) {
        String name = thread == null ? null : thread.getJavaName();
        if (name == null) {
            return "?";
        }
        int open = name.lastIndexOf(" [");
        if (open >= 0 && name.endsWith("]")) {
            return name.substring(open + 2, name.length() - 1);
        }
        return name.replaceAll("[0-9]+", "N");
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames();
    }

    /** The allocating frame, then the innermost zenmq frame below it if that is another one. */
    private static String allocationSite(RecordedStackTrace stack) {
        List<RecordedFrame> frames = frames(stack);
        if (frames.isEmpty()) {
            return "(no stack)";
        }
        String allocating = describe(frames.get(0));
        RecordedFrame zenmq = innermostZenmq(frames);
        if (zenmq == null) {
            return allocating;
        }
        String site = describe(zenmq);
        return site.equals(allocating) ? allocating : allocating + "  <-  " + site;
    }

    /** The first frame, from the top, in zenmq itself (not in these benchmarks). */
    private static RecordedFrame innermostZenmq(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.zenmq.") && !type.startsWith("io.zenmq.jmh.")) {
                return frame;
            }
        }
        return null;
    }

    private static String describe(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
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
}
