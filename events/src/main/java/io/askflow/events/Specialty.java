package io.askflow.events;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The departments a question can be routed to, named after a national online-consultation service's. */
public enum Specialty {
    INTERNAL_MEDICINE("Internal Medicine"),
    FAMILY_MEDICINE("Family Medicine"),
    PEDIATRICS("Pediatrics"),
    NEUROLOGY("Neurology"),
    NEUROSURGERY("Neurosurgery"),
    PSYCHIATRY("Psychiatry"),
    CARDIOLOGY("Cardiology"),
    CHEST_MEDICINE("Chest Medicine"),
    GASTROENTEROLOGY_HEPATOLOGY("Gastroenterology & Hepatology"),
    NEPHROLOGY("Nephrology"),
    ENDOCRINOLOGY_METABOLISM("Endocrinology & Metabolism"),
    ONCOLOGY("Oncology"),
    DERMATOLOGY("Dermatology"),
    OPHTHALMOLOGY("Ophthalmology"),
    OTOLARYNGOLOGY("Otolaryngology"),
    DENTISTRY("Dentistry"),
    OBSTETRICS_GYNECOLOGY("Obstetrics & Gynecology"),
    UROLOGY("Urology"),
    ORTHOPEDICS("Orthopedics"),
    GENERAL_SURGERY("General Surgery"),
    PLASTIC_SURGERY("Plastic Surgery"),
    REHABILITATION("Rehabilitation"),
    NUTRITION("Nutrition"),
    PHARMACY("Pharmacy"),
    GERIATRICS("Geriatrics"),
    TRADITIONAL_CHINESE_MEDICINE("Traditional Chinese Medicine"),
    /** Triage: where questions go that no rule places. */
    GENERAL_MEDICINE("General Medicine");

    private final String displayName;
    private final String slug;

    Specialty(String displayName) {
        this.displayName = displayName;
        this.slug = slugOf(displayName);
    }

    public String displayName() {
        return displayName;
    }

    /** URL form, e.g. {@code gastroenterology-hepatology}. */
    public String slug() {
        return slug;
    }

    /** Finds a specialty by its display name, slug or constant name, ignoring case, spaces and punctuation. */
    public static Optional<Specialty> fromNameOrSlug(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = slugOf(text);
        return Arrays.stream(values())
                .filter(s -> s.slug.equals(wanted) || slugOf(s.name()).equals(wanted))
                .findFirst();
    }

    private static String slugOf(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("&", " ");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
