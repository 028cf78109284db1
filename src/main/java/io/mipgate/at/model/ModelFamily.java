package io.mipgate.at.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The fifteen OneMO model families of the manual's Table 1; sub-models (e.g. ML307R-DL) inherit their family. */
public enum ModelFamily {
    MN316("MN316", Series.NB_IOT),
    MN316_S("MN316-S", Series.NB_IOT),
    MN316A("MN316A", Series.NB_IOT),
    MN318("MN318", Series.NB_IOT),
    MN319("MN319", Series.NB_IOT),
    MN326("MN326", Series.NB_IOT),
    ML302A("ML302A", Series.CAT1),
    ML305A("ML305A", Series.CAT1),
    ML307A("ML307A", Series.CAT1),
    ML302S("ML302S", Series.CAT1),
    ML307S("ML307S", Series.CAT1),
    ML305U("ML305U", Series.CAT1),
    ML305M("ML305M", Series.CAT1),
    ML307R("ML307R", Series.CAT1),
    ML307G("ML307G", Series.CAT1);

    private final String displayName;
    private final Series series;

    ModelFamily(String displayName, Series series) {
        this.displayName = displayName;
        this.series = series;
    }

    public String displayName() {
        return displayName;
    }

    public Series series() {
        return series;
    }

    public boolean isNb() {
        return series == Series.NB_IOT;
    }

    /** Accepts the family name in any case, with or without a dash, e.g. {@code ml307r}, {@code MN316-S}, {@code MN316_S}. */
    public static ModelFamily parse(String name) {
        String wanted = normalise(name);
        for (ModelFamily family : values()) {
            if (normalise(family.displayName).equals(wanted)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown module model '" + name + "'; known: "
                + Arrays.stream(values()).map(ModelFamily::displayName).toList());
    }

    /**
     * Finds the family in an identification string such as {@code ML307R-DL-MBRH0S01} (AT+CGMR) or an ATI answer.
     * The longest matching family name wins, so {@code MN316A-DC} is MN316A, not MN316.
     */
    public static Optional<ModelFamily> identify(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> upper.contains(f.displayName))
                .max(Comparator.comparingInt(f -> f.displayName.length()));
    }

    private static String normalise(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return displayName;
    }
}
