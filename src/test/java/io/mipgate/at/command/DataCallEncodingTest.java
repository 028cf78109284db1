package io.mipgate.at.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The data-call commands of FIELD-NOTES §5 as they go on the wire, and what never reaches it. */
class DataCallEncodingTest {

    private static final ModelProfile ML307R = ModelProfiles.of(ModelFamily.ML307R);

    @Test
    void theFormsFieldDriversUse() {
        assertThat(new DataCall.State(DataCall.Verb.MIPCALL).encode(ML307R)).asString().isEqualTo("AT+MIPCALL?\r");
        assertThat(new DataCall.State(DataCall.Verb.CGACT).encode(ML307R)).asString().isEqualTo("AT+CGACT?\r");
        assertThat(new DataCall.Activate(DataCall.Verb.MIPCALL, true, 1).encode(ML307R)).asString()
                .isEqualTo("AT+MIPCALL=1,1\r");
        assertThat(new DataCall.Activate(DataCall.Verb.CGACT, false, 1).encode(ML307R)).asString()
                .isEqualTo("AT+CGACT=0,1\r");
        assertThat(new DataCall.Address(1).encode(ML307R)).asString().isEqualTo("AT+CGPADDR=1\r");
        assertThat(new DataCall.Context(1, "IPV4V6", "CMIOT").encode(ML307R)).asString()
                .isEqualTo("AT+CGDCONT=1,\"IPV4V6\",\"CMIOT\"\r");
    }

    @Test
    void badValuesNeverReachTheLine() {
        assertThatThrownBy(() -> new DataCall.Activate(DataCall.Verb.MIPCALL, true, 0).encode(ML307R))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("<cid>");
        assertThatThrownBy(() -> new DataCall.Context(1, "PPP", "CMIOT").encode(ML307R))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("<PDP_type>");
        assertThatThrownBy(() -> new DataCall.Context(1, "IP", "cm\"iot").encode(ML307R))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new DataCall.Context(1, "IP", "a".repeat(101)).encode(ML307R))
                .isInstanceOf(InvalidParameterException.class);
    }
}
