package io.askflow.enrichment.index;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The search index of this instance.
 *
 * @param dir       its folder; rebuilt from the schema when missing or stale
 * @param syncEvery how often rows changed elsewhere (other instances, the import command) are indexed
 */
@ConfigurationProperties("askflow.index")
public record IndexProperties(Path dir, Duration syncEvery) {

    public IndexProperties {
        dir = dir == null ? Path.of("data", "enrichment-index") : dir;
        syncEvery = syncEvery == null ? Duration.ofSeconds(15) : syncEvery;
    }
}
