// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The subscription tries: prefix matching, counting, per-pipe sets, pruning. */
class PrefixTrieTest {
    private static final PipeListener IGNORE = new PipeListener() {
        @Override
        public void pipeReadable(Pipe pipe) {
        }

        @Override
        public void pipeWritable(Pipe pipe) {
        }
    };

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Pipe pipe() {
        return Pipe.pair(IGNORE, 10, IGNORE, 10)[0];
    }

    @Test
    void shouldMatchEveryPrefixIncludingTheEmptyTopic() {
        TopicFilter filter = new TopicFilter();
        assertThat(filter.matches(b(""))).isFalse();
        filter.add(b("ab"));
        assertThat(filter.matches(b("abc"))).isTrue();
        assertThat(filter.matches(b("ab"))).isTrue();
        assertThat(filter.matches(b("a"))).isFalse();
        assertThat(filter.matches(b("b"))).isFalse();
        filter.add(b(""));
        assertThat(filter.matches(b(""))).isTrue();
        assertThat(filter.matches(b("zzz"))).isTrue();
    }

    @Test
    void shouldCountSubscriptionsPerTopic() {
        TopicFilter filter = new TopicFilter();
        assertThat(filter.add(b("t"))).isTrue();
        assertThat(filter.add(b("t"))).isFalse();
        assertThat(filter.remove(b("unknown"))).isFalse();
        assertThat(filter.remove(b("t"))).isFalse();
        assertThat(filter.matches(b("t1"))).isTrue();
        assertThat(filter.remove(b("t"))).isTrue();
        assertThat(filter.matches(b("t1"))).isFalse();
        assertThat(filter.remove(b("t"))).isFalse();
    }

    @Test
    void shouldKeepEachPipeOncePerTopic() {
        SubscriptionTrie<Pipe> trie = new SubscriptionTrie<>();
        Pipe one = pipe();
        Pipe two = pipe();
        assertThat(trie.add(b("a"), one)).isTrue();
        assertThat(trie.add(b("a"), one)).isFalse();
        assertThat(trie.add(b("a"), two)).isFalse();
        assertThat(trie.remove(b("a"), one)).isEqualTo(SubscriptionTrie.Removal.OTHERS_REMAIN);
        assertThat(trie.remove(b("a"), one)).isEqualTo(SubscriptionTrie.Removal.NOT_FOUND);
        assertThat(trie.remove(b("a"), two)).isEqualTo(SubscriptionTrie.Removal.LAST_REMOVED);
        List<Pipe> matched = new ArrayList<>();
        trie.match(b("abc"), matched::add);
        assertThat(matched).isEmpty();
    }

    @Test
    void shouldReportTheTopicsOnlyAGoneSubscriberHeld() {
        SubscriptionTrie<Pipe> trie = new SubscriptionTrie<>();
        Pipe gone = pipe();
        Pipe staying = pipe();
        trie.add(b("a"), gone);
        trie.add(b("ab"), gone);
        trie.add(b(""), gone);
        trie.add(b("x".repeat(40)), gone);
        trie.add(b("a"), staying);
        List<String> reported = new ArrayList<>();
        trie.removePipe(gone, true, topic -> reported.add(new String(topic, StandardCharsets.ISO_8859_1)));
        assertThat(reported).containsExactlyInAnyOrder("ab", "", "x".repeat(40));
        List<Pipe> matched = new ArrayList<>();
        trie.match(b("abc"), matched::add);
        assertThat(matched).containsExactly(staying);
    }

    @Test
    void shouldAgreeWithABruteForceModel() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        PrefixTrie<Integer> trie = new PrefixTrie<>();
        Map<String, Integer> model = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String topic = randomTopic(random);
            if (random.nextInt(3) == 0) {
                trie.put(b(topic), null);
                model.remove(topic);
            } else {
                trie.put(b(topic), step);
                model.put(topic, step);
            }
            String data = randomTopic(random) + randomTopic(random);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i <= data.length(); i++) {
                Integer value = model.get(data.substring(0, i));
                if (value != null) {
                    expected.add(value);
                }
            }
            List<Integer> actual = new ArrayList<>();
            trie.forEachPrefixOf(b(data), actual::add);
            assertThat(actual).as("seed %d, step %d, data %s", seed, step, data).isEqualTo(expected);
            assertThat(trie.hasPrefixOf(b(data))).as("seed %d", seed).isEqualTo(!expected.isEmpty());
        }
        Map<String, Integer> walked = new HashMap<>();
        trie.forEach((topic, value) -> walked.put(new String(topic, StandardCharsets.ISO_8859_1), value));
        assertThat(walked).as("seed %d", seed).isEqualTo(model);
    }

    private static String randomTopic(Random random) {
        char[] chars = new char[random.nextInt(4)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(5) == 0 ? (char) random.nextInt(256) : (char) ('a' + random.nextInt(3));
        }
        return new String(chars);
    }
}
