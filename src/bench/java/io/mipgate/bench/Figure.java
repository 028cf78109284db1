package io.mipgate.bench;

/**
 * One measured figure and the baseline measured in the same run. {@code ratio} is value / baseline (NaN where a
 * figure has no baseline, e.g. RSS); {@code target} is the target in words and {@code met} whether this run
 * meets it (null: no target).
 */
record Figure(String group, String name, double value, String unit, double baseline, String baselineName,
              String target, Boolean met) {

    static Figure of(String group, String name, double value, String unit) {
        return new Figure(group, name, value, unit, Double.NaN, "", "", null);
    }

    Figure against(double baselineValue, String baselineLabel) {
        return new Figure(group, name, value, unit, baselineValue, baselineLabel, target, met);
    }

    Figure target(String words, boolean meets) {
        return new Figure(group, name, value, unit, baseline, baselineName, words, meets);
    }

    double ratio() {
        return baseline == 0 || Double.isNaN(baseline) ? Double.NaN : value / baseline;
    }
}
