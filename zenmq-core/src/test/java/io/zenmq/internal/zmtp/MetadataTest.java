// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata encoding and libzmq-compatible decoding (spec/zmtp.md section 6). */
class MetadataTest {

    @Test
    void shouldEncodeInInsertionOrder() {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put("Socket-Type", ascii("SUB"));
        props.put("X-A", new byte[0]);

        assertThat(Metadata.encode(props))
                .isEqualTo(bytes(0x0b, "Socket-Type", 0, 0, 0, 3, "SUB", 0x03, "X-A", 0, 0, 0, 0));
    }

    @Test
    void shouldDecodeAtOffset() throws ProtocolException {
        byte[] buf = bytes("junk", 0x01, "a", 0, 0, 0, 1, "b", "junk");

        Map<String, byte[]> props = Metadata.decode(buf, 4, 7);

        assertThat(props).containsOnlyKeys("a");
        assertThat(props.get("a")).isEqualTo(ascii("b"));
    }

    @Test
    void shouldRejectTrailingByteAfterLastProperty() {
        byte[] buf = bytes(0x01, "a", 0, 0, 0, 1, "b", 0x00);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> Metadata.decode(buf, 0, buf.length));
    }

    @Test
    void shouldRejectTruncatedNameOrValue() {
        byte[] truncatedName = bytes(0x05, "ab");
        byte[] truncatedLength = bytes(0x01, "a", 0, 0, 0);
        byte[] truncatedValue = bytes(0x01, "a", 0, 0, 0, 3, "bc");

        for (byte[] buf : List.of(truncatedName, truncatedLength, truncatedValue)) {
            assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> Metadata.decode(buf, 0, buf.length));
        }
    }

    @Test
    void shouldRejectValueLengthWithTopBitSet() {
        byte[] buf = bytes(0x01, "a", 0x80, 0, 0, 0);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> Metadata.decode(buf, 0, buf.length));
    }

    @Test
    void shouldKeepLastDuplicateAndTolerateEmptyName() throws ProtocolException {
        byte[] buf = bytes(0x01, "a", 0, 0, 0, 1, "1", 0x00, 0, 0, 0, 0, 0x01, "a", 0, 0, 0, 1, "2");

        Map<String, byte[]> props = Metadata.decode(buf, 0, buf.length);

        assertThat(props).containsOnlyKeys("a", "");
        assertThat(Metadata.get(props, "A")).isEqualTo(ascii("2"));
    }

    @Test
    void shouldRejectConflictingSocketTypesButTakeARepeatedOne() throws ProtocolException {
        byte[] conflicting = bytes(11, "Socket-Type", 0, 0, 0, 4, "PULL", 11, "socket-type", 0, 0, 0, 4, "PUSH");
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA,
                () -> Metadata.decode(conflicting, 0, conflicting.length));

        byte[] repeated = bytes(11, "Socket-Type", 0, 0, 0, 4, "PUSH", 11, "Socket-Type", 0, 0, 0, 4, "PUSH");
        assertThat(Metadata.get(Metadata.decode(repeated, 0, repeated.length), "Socket-Type")).isEqualTo(ascii("PUSH"));
    }

    @Test
    void shouldDecodeEmptyMetadata() throws ProtocolException {
        assertThat(Metadata.decode(new byte[0], 0, 0)).isEmpty();
    }

    @Test
    void shouldRejectInvalidNamesOnEncode() {
        assertThatThrownBy(() -> Metadata.encode(Map.of("", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metadata.encode(Map.of("n".repeat(256), new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
