// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Heap bytes allocated per benchmark operation, split by side: {@code -prof gc} reports one
 * {@code gc.alloc.rate.norm} for the whole JVM, which in an end-to-end benchmark mixes the sender
 * and the receiver. This profiler reads the allocation counter of every thread that has a role in
 * {@link ThreadRoles} before and after each iteration and reports, per operation:
 *
 * <ul>
 *   <li>{@code alloc.<side>.<part>.norm}, e.g. {@code alloc.send.io.norm}, for each role;</li>
 *   <li>{@code alloc.<side>.norm}, the sum over the side's threads, e.g. {@code alloc.recv.norm}.</li>
 * </ul>
 *
 * <p>Use: {@code -prof io.zenmq.jmh.support.SideAllocProfiler}. A thread that got its role during
 * an iteration counts from the next one on; the first iterations are warm-up anyway. Messages still
 * queued between the two ends when a snapshot is taken shift a few counts between iterations, which
 * is noise only when an iteration moves few messages (64 KiB over tcp).
 */
public final class SideAllocProfiler implements InternalProfiler {
    private Map<Thread, Long> before = Map.of();

    /** Creates the profiler; JMH calls this once per forked JVM. */
    public SideAllocProfiler() {
        ThreadRoles.enableCounters();
    }

    @Override
    public String getDescription() {
        return "bytes allocated per operation, by benchmark side (zenmq ThreadRoles)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = allocatedByThread();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        Map<Thread, Long> after = allocatedByThread();
        Map<Thread, String> roles = ThreadRoles.snapshot();
        Map<String, Long> byRole = new TreeMap<>();
        Map<String, Long> bySide = new TreeMap<>();
        for (Map.Entry<Thread, Long> entry : after.entrySet()) {
            Long start = before.get(entry.getKey());
            String role = roles.get(entry.getKey());
            if (start == null || role == null) {
                continue;
            }
            long bytes = entry.getValue() - start;
            byRole.merge(role, bytes, Long::sum);
            int dot = role.indexOf('.');
            bySide.merge(dot < 0 ? role : role.substring(0, dot), bytes, Long::sum);
        }
        long ops = Math.max(1, result.getMetadata().getAllOps());
        List<ScalarResult> results = new ArrayList<>();
        byRole.forEach((role, bytes) -> results.add(perOp("alloc." + role + ".norm", bytes, ops)));
        bySide.forEach((side, bytes) -> results.add(perOp("alloc." + side + ".norm", bytes, ops)));
        return results;
    }

    private static ScalarResult perOp(String label, long bytes, long ops) {
        return new ScalarResult(label, (double) bytes / ops, "B/op", AggregationPolicy.AVG);
    }

    private static Map<Thread, Long> allocatedByThread() {
        Map<Thread, Long> bytes = new HashMap<>();
        for (Thread thread : ThreadRoles.snapshot().keySet()) {
            long allocated = ThreadRoles.allocatedBytes(thread);
            if (allocated >= 0) {
                bytes.put(thread, allocated);
            }
        }
        return bytes;
    }
}
