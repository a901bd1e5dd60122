package io.askflow.question.ask;

import io.askflow.question.config.PatientSiteProperties;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Finds warning signs in a question's text (stroke signs, chest pain, difficulty breathing, thoughts of
 * suicide …) from the list in {@code askflow.patients.warning-signs}, which a clinician can edit without a
 * release. Deliberately simple and generous: a false alarm costs a notice, a miss can cost a life.
 */
@Component
class WarningSigns {

    private final List<String> signs;

    WarningSigns(PatientSiteProperties properties) {
        this.signs = properties.warningSigns().stream()
                .map(sign -> sign.strip().toLowerCase(Locale.ROOT))
                .filter(sign -> !sign.isEmpty())
                .toList();
    }

    boolean foundIn(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace('’', '\'');
        return signs.stream().anyMatch(normalized::contains);
    }
}
