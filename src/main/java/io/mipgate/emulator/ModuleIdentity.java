package io.mipgate.emulator;

import io.mipgate.emulator.model.EmulatedFamily;

/** What ATI, AT+CGMI/CGMM/CGMR and AT+CGSN report. */
public record ModuleIdentity(String manufacturer, String model, String firmware, String imei, String serial) {

    /** Defaults per family; the ML307R firmware string is the one most often seen in field logs. */
    public static ModuleIdentity defaults(EmulatedFamily family) {
        String model = family.displayName();
        return new ModuleIdentity("CMIOT", model, model + "-DL-MBRH0S01", "869999012345678", "20214M0030000001");
    }

    public ModuleIdentity withFirmware(String firmwareVersion) {
        return new ModuleIdentity(manufacturer, model, firmwareVersion, imei, serial);
    }

    public ModuleIdentity withImei(String newImei) {
        return new ModuleIdentity(manufacturer, model, firmware, newImei, serial);
    }
}
