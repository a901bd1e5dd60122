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

    /** The public URL without a trailing slash, to append paths to. */
    public String publicBase() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
