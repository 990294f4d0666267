// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.b;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subscriber's own topics: the replay list and the filter (counting is in PrefixTrieTest). */
class TopicFilterTest {
    @Test
    void shouldVisitEachTopicOnceWhateverItsCount() {
        TopicFilter filter = new TopicFilter();
        filter.add(b("b"));
        filter.add(b("a"));
        filter.add(b("a"));
        filter.add(b(""));
        List<String> topics = new ArrayList<>();
        filter.forEachTopic(topic -> topics.add(TestPipes.s(topic)));
        assertThat(topics).containsExactlyInAnyOrder("", "a", "b");
    }

    @Test
    void shouldNoLongerVisitATopicWhoseCountReachedZero() {
        TopicFilter filter = new TopicFilter();
        filter.add(b("a"));
        filter.add(b("ab"));
        filter.remove(b("a"));
        List<String> topics = new ArrayList<>();
        filter.forEachTopic(topic -> topics.add(TestPipes.s(topic)));
        assertThat(topics).containsExactly("ab");
        assertThat(filter.matches(b("ab1"))).isTrue();
        assertThat(filter.matches(b("a1"))).isFalse();
    }
}
