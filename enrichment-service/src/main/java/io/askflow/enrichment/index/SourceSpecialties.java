package io.askflow.enrichment.index;

import io.askflow.events.Specialty;
import java.util.List;
import java.util.Map;

/** Which specialties a trusted source's pages mostly belong to (a boost for search, never a filter). */
final class SourceSpecialties {

    private static final Map<String, List<Specialty>> BY_SOURCE = Map.of(
            "NINDS", List.of(Specialty.NEUROLOGY, Specialty.NEUROSURGERY),
            "CancerGov", List.of(Specialty.ONCOLOGY),
            "NHLBI", List.of(Specialty.CARDIOLOGY, Specialty.CHEST_MEDICINE),
            "NIDDK", List.of(Specialty.GASTROENTEROLOGY_HEPATOLOGY, Specialty.NEPHROLOGY,
                    Specialty.ENDOCRINOLOGY_METABOLISM, Specialty.UROLOGY, Specialty.NUTRITION),
            "MPlusDrugs", List.of(Specialty.PHARMACY),
            "MPlusHerbsSupplements", List.of(Specialty.PHARMACY, Specialty.NUTRITION),
            "NIHSeniorHealth", List.of(Specialty.GERIATRICS),
            "CDC", List.of(Specialty.FAMILY_MEDICINE, Specialty.INTERNAL_MEDICINE));

    static List<Specialty> of(String source) {
        return BY_SOURCE.getOrDefault(source, List.of());
    }

    private SourceSpecialties() {
    }
}
