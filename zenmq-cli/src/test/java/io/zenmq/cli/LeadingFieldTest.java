// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The draft types' leading field: splitting, printing and the checks on ID, GROUP and size. */
@Timeout(10)
class LeadingFieldTest {
    private static final LeadingField TAB = new LeadingField(TextFormat.standard());

    @Test
    void shouldSplitAtTheFirstDelimiterOnlyAndKeepTheRestAsOneFrame() {
        LeadingField.Line line = TAB.split(b("7\ta\tb\t"));
        assertThat(line.field()).isEqualTo("7");
        assertThat(s(line.data())).isEqualTo("a\tb\t");
        assertThat(s(TAB.split(b("g\t")).data())).isEmpty();
        assertThat(TAB.split(b("\tx")).field()).isEmpty();
        assertThat(TAB.split(b("no delimiter"))).isNull();
        assertThat(TAB.split(b(""))).isNull();
    }

    @Test
    void shouldDecodeHexDataOnlyWhenTheWholeDataIsHexForm() {
        assertThat(TAB.split(b("1\t0x4142")).data()).isEqualTo(b("AB"));
        assertThat(TAB.split(b("1\t0x41\t0x42")).data()).isEqualTo(b("0x41\t0x42"));
        assertThat(TAB.split(b("0x31\tx")).field()).as("the field is plain text").isEqualTo("0x31");
    }

    @Test
    void shouldKeepTheFieldPlainUnderHexFormat() {
        LeadingField hex = new LeadingField(new TextFormat(true, b("|")));
        LeadingField.Line line = hex.split(b("10.0.0.1:5|4142"));
        assertThat(line.field()).isEqualTo("10.0.0.1:5");
        assertThat(line.data()).isEqualTo(b("AB"));
        assertThatThrownBy(() -> hex.split(b("g|41|42"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(print(hex, "g", b("AB"))).isEqualTo("g|4142\n");
    }

    @Test
    void shouldPrintDataThatWouldNotReadBackAsHex() {
        assertThat(print(TAB, "42", b("a\tb"))).isEqualTo("42\t0x610962\n");
        assertThat(print(TAB, "42", b("hello world"))).isEqualTo("42\thello world\n");
        assertThat(print(TAB, "42", new byte[0])).isEqualTo("42\t\n");
        assertThat(print(TAB, "g", b("0x41"))).isEqualTo("g\t0x30783431\n");
    }

    @Test
    void shouldAcceptRoutingIdsFromOneToUint32Max() {
        assertThat(LeadingField.routingId("1")).isEqualTo(1);
        assertThat(LeadingField.routingId("2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(LeadingField.routingId("4294967295")).isEqualTo(-1);
        assertThat(LeadingField.routingIdText(-1)).isEqualTo("4294967295");
        assertThat(LeadingField.routingIdText(Integer.MIN_VALUE)).isEqualTo("2147483648");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "4294967296", "99999999999", "-1", "+1", "1.0", " 1", "0x10", "abc"})
    void shouldRefuseOtherRoutingIds(String id) {
        assertThatThrownBy(() -> LeadingField.routingId(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a routing id");
    }

    @Test
    void shouldAcceptGroupsOfOneTo255Bytes() {
        assertThat(LeadingField.checkGroup("g")).isEqualTo(1);
        assertThat(LeadingField.checkGroup("é".repeat(127) + "x")).isEqualTo(255);
        assertThatThrownBy(() -> LeadingField.checkGroup("")).hasMessageContaining("1 to 255 bytes, got 0");
        assertThatThrownBy(() -> LeadingField.checkGroup("é".repeat(128))).hasMessageContaining("got 256");
    }

    @Test
    void shouldFitDatagramsOfUpTo8192Bytes() {
        LeadingField.checkDatagram(8192);
        assertThatThrownBy(() -> LeadingField.checkDatagram(8193)).hasMessageContaining("8192-byte datagram");
    }

    private static String print(LeadingField field, String name, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field.print(name, data, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
