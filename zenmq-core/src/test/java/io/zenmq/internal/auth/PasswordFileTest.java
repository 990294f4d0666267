// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password file lines as zauth reads them. */
class PasswordFileTest {
    @Test
    void shouldReadPasswordLinesAsZauth() {
        Map<String, byte[]> passwords = PasswordFile.parse("#c\nadmin=secret\r\nodd=a=b \n=x\nnothing\n\nadmin=later");

        assertThat(passwords).containsOnlyKeys("admin", "odd");
        assertThat(new String(passwords.get("admin"), StandardCharsets.UTF_8)).isEqualTo("later");
        assertThat(new String(passwords.get("odd"), StandardCharsets.UTF_8)).isEqualTo("a=b ");
    }
}
