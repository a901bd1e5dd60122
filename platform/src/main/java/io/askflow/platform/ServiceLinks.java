package io.askflow.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services reach each other, as the patients' and doctors' browsers and the other services see them.
 * The defaults (in {@code askflow-platform.properties}) are the dev stack's ports.
 *
 * @param publicUrl     question-service as patients reach it: the base of tracking links and public Q&amp;A pages
 * @param enrichmentUrl enrichment-service, for the read-only lookups pages live without (Similar Q&amp;A, FAQ)
 * @param workflowUrl   workflow, for the specialty suggestion on the ask form
 * @param lookupTimeout a page gives up on one of those lookups after this long and is shown without it
 */
@ConfigurationProperties("askflow")
public record ServiceLinks(URI publicUrl, URI enrichmentUrl, URI workflowUrl, Duration lookupTimeout) {

    /** A question's public Q&amp;A page, as patients and other services link to it. */
    public String questionPage(Object questionId) {
        return publicBase() + "/questions/" + questionId;
    }

    /** A question's tracking page, the link only its asker gets. */
    public String trackingPage(String trackingToken) {
        return publicBase() + "/track/" + trackingToken;
    }

    private String publicBase() {
        return publicUrl.toString().replaceAll("/+$", "");
    }
}
