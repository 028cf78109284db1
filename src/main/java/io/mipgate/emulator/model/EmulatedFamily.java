package io.mipgate.emulator.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The fifteen model families of the manual's Table 1 (AT-REFERENCE §0) that the emulator can imitate. The display
 * name is what ATI and AT+CGMM report and what AT+CGMR's firmware string starts with, so a driver identifies the
 * virtual module exactly as it would identify real hardware.
 */
public enum EmulatedFamily {
    MN316("MN316", true),
    MN316_S("MN316-S", true),
    MN316A("MN316A", true),
    MN318("MN318", true),
    MN319("MN319", true),
    MN326("MN326", true),
    ML302A("ML302A", false),
    ML305A("ML305A", false),
    ML307A("ML307A", false),
    ML302S("ML302S", false),
    ML307S("ML307S", false),
    ML305U("ML305U", false),
    ML305M("ML305M", false),
    ML307R("ML307R", false),
    ML307G("ML307G", false);

    private final String displayName;
    private final boolean nb;

    EmulatedFamily(String displayName, boolean nb) {
        this.displayName = displayName;
        this.nb = nb;
    }

    public String displayName() {
        return displayName;
    }

    /** NB-IoT series; every other family is Cat.1 ("4G series"). */
    public boolean isNb() {
        return nb;
    }

    /** The facts the emulator imitates for this family. */
    public ModelFacts facts() {
        return ModelFactsTable.of(this);
    }

    /** Accepts the family name in any case, with a dash or an underscore: {@code ml307r}, {@code MN316-S}, {@code MN316_S}. */
    public static EmulatedFamily parse(String name) {
        String wanted = normalise(name);
        for (EmulatedFamily family : values()) {
            if (normalise(family.displayName).equals(wanted)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown module model '" + name + "'; known: "
                + Arrays.stream(values()).map(EmulatedFamily::displayName).toList());
    }

    private static String normalise(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return displayName;
    }
}
