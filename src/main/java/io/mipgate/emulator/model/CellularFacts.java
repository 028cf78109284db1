package io.mipgate.emulator.model;

import java.util.Set;

/**
 * How one emulated family answers the 3GPP status commands (outside the TCP/IP manual; forms from 3GPP TS 27.007).
 *
 * @param extendedSignalQuality AT+CESQ exists. Given to the Cat.1 families; the NB families answer a bare ERROR, as
 *                              the only public MN316 driver never uses it and reads signal from AT+CSQ alone
 *                              (FIELD-NOTES §15)
 * @param iccidCommands         the ICCID commands answered: AT+MCCID (Guojize12/DTU-AT) and AT+ICCID (RT-Thread,
 *                              zoneBen); AT+CCID answers a bare ERROR (FIELD-NOTES §3)
 * @param accessTechnology      {@code <AcT>} in registration and operator answers: 7 E-UTRAN, 9 E-UTRAN NB-S1
 */
public record CellularFacts(boolean extendedSignalQuality, Set<String> iccidCommands, int accessTechnology) {

    public CellularFacts {
        iccidCommands = Set.copyOf(iccidCommands);
    }

    public static CellularFacts of(EmulatedFamily family) {
        return family.isNb()
                ? new CellularFacts(false, Set.of("+MCCID", "+ICCID"), 9)
                : new CellularFacts(true, Set.of("+MCCID", "+ICCID"), 7);
    }
}
