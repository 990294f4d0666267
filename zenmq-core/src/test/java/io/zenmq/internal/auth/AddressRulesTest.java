// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** zauth's address rules; addresses compared by value, never looked up. */
class AddressRulesTest {
    @Test
    void shouldCompareAddressesByValueWithoutLookingNamesUp() {
        assertThat(AddressRules.canonical("::1")).isEqualTo(AddressRules.canonical("0:0:0:0:0:0:0:1"));
        assertThat(AddressRules.canonical("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(AddressRules.canonical("[::1]")).isEqualTo(AddressRules.canonical("::1"));
        assertThat(AddressRules.canonical("localhost:0:0:42")).isEqualTo("localhost:0:0:42");
        assertThat(AddressRules.canonical("example.com")).isEqualTo("example.com");
        assertThat(AddressRules.canonical("abc:def")).isEqualTo("abc:def");
    }

    @Test
    void shouldLetTheAllowListWinOverTheDenyList() {
        AddressRules rules = AddressRules.NONE.deny("10.0.0.1");
        assertThat(rules.refusal("10.0.0.1")).contains("deny list");
        assertThat(rules.refusal("10.0.0.2")).isNull();

        rules = rules.allow("10.0.0.1");

        assertThat(rules.ignoresDenyList()).isTrue();
        assertThat(rules.refusal("10.0.0.1")).isNull();
        assertThat(rules.refusal("10.0.0.2")).contains("allow list");
    }
}
