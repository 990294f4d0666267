// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.b;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Peers by routing id: content lookups and the ids made up for anonymous peers. */
class RoutingTableTest {
    @Test
    void shouldFindAPeerByTheContentOfItsId() {
        RoutingTable<String> table = new RoutingTable<>();
        table.put(b("alice"), "A");
        assertThat(table.lookup(b("alice"))).isEqualTo("A");
        assertThat(table.lookup(b("bob"))).isNull();
        assertThat(table.peers()).containsExactly("A");
    }

    @Test
    void shouldForgetAnIdOnlyForThePeerHoldingIt() {
        RoutingTable<String> table = new RoutingTable<>();
        table.put(b("id"), "new holder");
        table.remove(b("id"), "old holder");
        assertThat(table.lookup(b("id"))).isEqualTo("new holder");
        table.remove(b("id"), "new holder");
        assertThat(table.lookup(b("id"))).isNull();
    }

    @Test
    void shouldMakeUpIdsAsAZeroThenACounterBigEndian() {
        RoutingTable<String> table = new RoutingTable<>(0x01020304);
        assertThat(table.generate()).containsExactly(0, 1, 2, 3, 4);
        assertThat(table.generate()).containsExactly(0, 1, 2, 3, 5);
    }

    @Test
    void shouldWrapTheCounterAndSkipIdsInUse() {
        RoutingTable<String> table = new RoutingTable<>(-1);
        table.put(new byte[] {0, 0, 0, 0, 0}, "taken");
        assertThat(table.generate()).containsExactly(0, 0xFF, 0xFF, 0xFF, 0xFF);
        assertThat(table.generate()).containsExactly(0, 0, 0, 0, 1);
    }
}
