package io.askflow.question.config;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the patients' pages need to know.
 *
 * @param emergencyNumber the number the pages give for emergencies (119 in Taiwan)
 * @param timeZone        dates on pages are shown in this zone
 * @param pageSize        answered questions per archive page
 * @param warningSigns    words and phrases that mark a question urgent (any case); a clinician's list
 */
@ConfigurationProperties("askflow.patients")
public record PatientSiteProperties(String emergencyNumber, ZoneId timeZone, Integer pageSize,
                                    List<String> warningSigns) {

    public PatientSiteProperties {
        emergencyNumber = emergencyNumber == null ? "119" : emergencyNumber;
        timeZone = timeZone == null ? ZoneId.of("Asia/Taipei") : timeZone;
        pageSize = pageSize == null ? 20 : pageSize;
        warningSigns = warningSigns == null ? List.of() : List.copyOf(warningSigns);
    }
}
