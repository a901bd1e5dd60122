package io.askflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecialtyTest {

    @Test
    void findsSpecialtyByDisplayNameSlugOrConstantInAnyCase() {
        assertThat(Specialty.fromNameOrSlug("Neurology")).contains(Specialty.NEUROLOGY);
        assertThat(Specialty.fromNameOrSlug("gastroenterology-hepatology"))
                .contains(Specialty.GASTROENTEROLOGY_HEPATOLOGY);
        assertThat(Specialty.fromNameOrSlug("Obstetrics & Gynecology")).contains(Specialty.OBSTETRICS_GYNECOLOGY);
        assertThat(Specialty.fromNameOrSlug("CHEST_MEDICINE")).contains(Specialty.CHEST_MEDICINE);
    }

    @Test
    void unknownOrBlankTextFindsNothing() {
        assertThat(Specialty.fromNameOrSlug("Astrology")).isEmpty();
        assertThat(Specialty.fromNameOrSlug(" ")).isEmpty();
        assertThat(Specialty.fromNameOrSlug(null)).isEmpty();
    }

    @Test
    void slugsAreUniqueAndUrlSafe() {
        assertThat(java.util.Arrays.stream(Specialty.values()).map(Specialty::slug).distinct())
                .hasSize(Specialty.values().length)
                .allMatch(slug -> slug.matches("[a-z0-9-]+"));
    }
}
