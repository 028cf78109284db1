package io.mipgate.at.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.CellularStatus;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.RegistrationState;
import io.mipgate.domain.SimState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Decoding of the 27.007 status answers (CellularAnswers) and encoding of the control commands (Cellular). */
class CellularAnswersProperties {

    @Property
    void csqIndexAndDbmRoundTrip(@ForAll @IntRange(min = 0, max = 31) int rssi, @ForAll @IntRange(min = 0, max = 7) int ber) {
        CellularStatus.Signal signal = CellularAnswers.csq(List.of(String.valueOf(rssi), String.valueOf(ber))).orElseThrow();
        assertThat(signal.rssiDbm()).isEqualTo(-113 + 2 * rssi).isBetween(-113, -51);
        assertThat(CellularAnswers.csqIndex(signal.rssiDbm())).isEqualTo(rssi);
        assertThat(signal.ber()).isEqualTo(ber);
    }

    @Example
    void csqNinetyNineIsUnknownNotAValue() {
        CellularStatus.Signal signal = CellularAnswers.csq(List.of("99", "99")).orElseThrow();
        assertThat(signal.rssiDbm()).isNull();
        assertThat(signal.ber()).isNull();
        assertThat(CellularAnswers.csq(List.of("32", "0"))).isEmpty();
        assertThat(CellularAnswers.csq(List.of("21"))).isEmpty();
    }

    @Property
    void cesqDecodesRsrpAndRsrqOnTopOfCsq(@ForAll @IntRange(min = 0, max = 97) int rsrp,
                                          @ForAll @IntRange(min = 0, max = 34) int rsrq) {
        CellularStatus.Signal csq = new CellularStatus.Signal(-71, 0, null, null);
        CellularStatus.Signal signal = CellularAnswers.cesq(List.of("99", "99", "255", "255", String.valueOf(rsrq),
                String.valueOf(rsrp)), csq).orElseThrow();
        assertThat(signal.rssiDbm()).isEqualTo(-71);
        assertThat(signal.rsrpDbm()).isEqualTo(rsrp - 141).isBetween(-141, -44);
        assertThat(signal.rsrqDb()).isEqualTo(-20 + rsrq / 2.0).isBetween(-20.0, -3.0);
    }

    @Example
    void cesqUnknownValuesAreNull() {
        CellularStatus.Signal signal = CellularAnswers.cesq(List.of("99", "99", "255", "255", "255", "255"), null)
                .orElseThrow();
        assertThat(signal.rsrpDbm()).isNull();
        assertThat(signal.rsrqDb()).isNull();
    }

    @Property
    void registrationDecodesEveryStat(@ForAll @IntRange(min = 0, max = 10) int stat,
                                      @ForAll @IntRange(min = 0, max = 5) int n) {
        CellularStatus.Registration plain = CellularAnswers.registration("+CEREG", List.of(String.valueOf(n),
                String.valueOf(stat))).orElseThrow();
        assertThat(plain.state().code()).isEqualTo(stat);
        assertThat(plain.state().registered()).isEqualTo(stat == 1 || stat == 5 || stat == 6 || stat == 7
                || stat == 9 || stat == 10);
        CellularStatus.Registration located = CellularAnswers.registration("+CEREG", List.of(String.valueOf(n),
                String.valueOf(stat), "60EF", "005113AA", "7")).orElseThrow();
        assertThat(located).isEqualTo(new CellularStatus.Registration(RegistrationState.ofCode(stat), "+CEREG",
                "60EF", "005113AA", 7));
    }

    @Example
    void fieldShapesOfFieldNotesDecode() {
        // FIELD-NOTES §4 verbatim shapes
        assertThat(CellularAnswers.registration("+CEREG", List.of("2", "0")).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(CellularAnswers.operator(List.of("0")).orElseThrow()).isEqualTo(
                new CellularStatus.Operator(0, null, null, null));
        assertThat(CellularAnswers.operator(List.of("0", "0", "CHINA MOBILE", "7")).orElseThrow()).isEqualTo(
                new CellularStatus.Operator(0, "CHINA MOBILE", 0, 7));
        assertThat(CellularAnswers.pdpContext(List.of("1", "IPV4V6", "CMIOT", "", "0", "0", "", "", "", ""))
                .orElseThrow()).isEqualTo(new CellularStatus.PdpContext(1, "IPV4V6", "CMIOT", List.of()));
        assertThat(CellularAnswers.pdpAddresses(List.of("1", "10.1.2.3", "2409::1")).orElseThrow().addresses())
                .containsExactly("10.1.2.3", "2409::1");
        assertThat(CellularAnswers.pin(List.of("READY"))).isEqualTo(SimState.READY);
        assertThat(CellularAnswers.pin(List.of("SIM PIN"))).isEqualTo(SimState.PIN_REQUIRED);
        assertThat(CellularAnswers.iccid("8986041210208001234F")).contains("8986041210208001234F");
        assertThat(CellularAnswers.iccid("12345")).isEmpty();
        assertThat(CellularAnswers.imsi("460041234567890")).contains("460041234567890");
        assertThat(CellularAnswers.attached(List.of("1"))).contains(true);
        assertThat(CellularAnswers.radioOn(List.of("4"))).contains(false);
    }

    @Property
    void anyFieldsDecodeOrAreEmptyNeverThrow(@ForAll @Size(max = 8) List<@StringLength(max = 12) String> fields) {
        CellularAnswers.csq(fields);
        CellularAnswers.cesq(fields, null);
        CellularAnswers.registration("+CEREG", fields);
        CellularAnswers.attached(fields);
        CellularAnswers.radioOn(fields);
        CellularAnswers.operator(fields);
        CellularAnswers.pin(fields);
        CellularAnswers.pdpContext(fields);
        CellularAnswers.pdpAddresses(fields);
        fields.forEach(CellularAnswers::iccid);
        fields.forEach(CellularAnswers::imsi);
    }

    @Example
    void controlCommandsEncodeAndRefuseBadParametersBeforeAByteExists() {
        var profile = ModelProfiles.of(ModelFamily.ML307R);
        assertThat(text(new Cellular.SetFunctionality(0).encode(profile))).isEqualTo("AT+CFUN=0\r");
        assertThat(text(new Cellular.DefinePdpContext(1, "ipv4v6", "CMIOT").encode(profile)))
                .isEqualTo("AT+CGDCONT=1,\"IPV4V6\",\"CMIOT\"\r");
        assertThat(text(new Cellular.DefinePdpContext(2, "IP", "").encode(profile)))
                .isEqualTo("AT+CGDCONT=2,\"IP\",\"\"\r");
        assertThat(text(new Cellular.Iccid("+MCCID").encode(profile))).isEqualTo("AT+MCCID\r");
        assertThat(text(new Cellular.EpsRegistration().encode(profile))).isEqualTo("AT+CEREG?\r");
        assertThat(text(new Cellular.PdpAddresses().encode(profile))).isEqualTo("AT+CGPADDR\r");
        assertThatThrownBy(() -> new Cellular.SetFunctionality(4).encode(profile))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Cellular.DefinePdpContext(16, "IP", "x").encode(profile))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Cellular.DefinePdpContext(1, "PPP", "x").encode(profile))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Cellular.DefinePdpContext(1, "IP", "a\",\"b").encode(profile))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Cellular.DefinePdpContext(1, "IP", "a;AT+CFUN=0").encode(profile))
                .isInstanceOf(InvalidParameterException.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
