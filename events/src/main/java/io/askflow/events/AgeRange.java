package io.askflow.events;

import java.util.Arrays;
import java.util.Optional;

/** The asker's age range, written on pages as {@link #label()}: {@code under 10}, {@code 10~19} … {@code 80+}. */
public enum AgeRange {
    UNDER_10("under 10"),
    FROM_10_TO_19("10~19"),
    FROM_20_TO_29("20~29"),
    FROM_30_TO_39("30~39"),
    FROM_40_TO_49("40~49"),
    FROM_50_TO_59("50~59"),
    FROM_60_TO_69("60~69"),
    FROM_70_TO_79("70~79"),
    FROM_80("80+");

    private final String label;

    AgeRange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the page label (any case, surrounding spaces ignored) or the constant name. */
    public static Optional<AgeRange> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(a -> a.label.equalsIgnoreCase(wanted) || a.name().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
