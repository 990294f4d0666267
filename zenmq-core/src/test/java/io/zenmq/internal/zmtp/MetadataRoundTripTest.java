// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Property tests of {@link Metadata}: round trip, and random input only ever fails as invalid metadata. */
class MetadataRoundTripTest {

    @Provide
    Arbitrary<Map<String, byte[]>> properties() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(255);
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.maps(names, values).ofMaxSize(6);
    }

    @Property(tries = 300)
    void shouldRoundTripProperties(@ForAll("properties") Map<String, byte[]> props) throws ProtocolException {
        byte[] encoded = Metadata.encode(props);

        Map<String, byte[]> decoded = Metadata.decode(encoded, 0, encoded.length);

        assertThat(decoded.keySet()).containsExactlyElementsOf(props.keySet());
        for (Map.Entry<String, byte[]> e : props.entrySet()) {
            assertThat(decoded.get(e.getKey())).isEqualTo(e.getValue());
        }
    }

    @Property(tries = 500)
    void shouldOnlyThrowProtocolExceptionOnRandomBytes(@ForAll @Size(max = 600) byte[] buf) {
        try {
            Metadata.decode(buf, 0, buf.length);
        } catch (ProtocolException expected) {
            assertThat(expected.code()).isEqualTo(ProtocolErrors.ZMTP_INVALID_METADATA);
        }
    }
}
