// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.oracle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link SeqChecker} found in one run; travels from a child JVM as one JSON line.
 *
 * @param received messages received
 * @param lost sequence numbers never received
 * @param gaps runs of lost sequence numbers
 * @param maxGap the longest run
 * @param duplicated messages received twice
 * @param unexpected messages nobody sent
 * @param reordered messages received after a later one, with no reconnect in between
 * @param late messages received after a later one once the receiver had reconnected (allowed)
 * @param torn messages whose parts do not belong together
 * @param corrupt parts whose checksum fails
 */
public record Verdict(long received, long lost, long gaps, long maxGap, long duplicated, long unexpected,
        long reordered, long late, long torn, long corrupt) {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?\\d+)");

    /** @return the verdict as one JSON object on one line */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        fields().forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return sb.append('}').toString();
    }

    /**
     * Reads {@link #toJson()}'s output back.
     *
     * @param json the line
     * @return the verdict
     */
    public static Verdict fromJson(String json) {
        Map<String, Long> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            f.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return new Verdict(f.get("received"), f.get("lost"), f.get("gaps"), f.get("maxGap"), f.get("duplicated"),
                f.get("unexpected"), f.get("reordered"), f.getOrDefault("late", 0L), f.get("torn"), f.get("corrupt"));
    }

    /**
     * Fails unless nothing was duplicated, unexpected, reordered, torn or corrupt, and loss
     * stayed within what the faults allow.
     *
     * @param allowedGaps how many gaps the run's disconnects allow (one per disconnect; 0: none)
     * @param maxLossPerGap the most messages one disconnect may lose (the queues in between)
     * @throws AssertionError naming the verdict
     */
    public void assertClean(long allowedGaps, long maxLossPerGap) {
        boolean ok = duplicated == 0 && unexpected == 0 && reordered == 0 && torn == 0 && corrupt == 0
                && gaps <= allowedGaps && (gaps == 0 || maxGap <= maxLossPerGap);
        if (!ok) {
            throw new AssertionError("oracle: " + toJson() + " (allowed gaps " + allowedGaps + ", each <= "
                    + maxLossPerGap + ")");
        }
    }

    private Map<String, Long> fields() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("received", received);
        f.put("lost", lost);
        f.put("gaps", gaps);
        f.put("maxGap", maxGap);
        f.put("duplicated", duplicated);
        f.put("unexpected", unexpected);
        f.put("reordered", reordered);
        f.put("late", late);
        f.put("torn", torn);
        f.put("corrupt", corrupt);
        return f;
    }
}
