package io.askflow.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The asker's gender as they gave it. */
public enum Gender {
    FEMALE, MALE, OTHER;

    /** Lower-case form used on pages and in the JSON API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code female}, {@code male} or {@code other} in any case. */
    public static Optional<Gender> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
