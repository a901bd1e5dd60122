package io.askflow.enrichment;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service's own configuration (same database, same index folder) without the web server or the Kafka listeners:
 * what a command runs in, here ({@code import-knowledge}) and in the tools that use the service's search
 * ({@code enrichment-eval}).
 */
public final class CommandContext {

    private CommandContext() {
    }

    /** Starts it; {@code args} may set properties ({@code --askflow.index.dir=…}). The caller closes it. */
    public static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(EnrichmentServiceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "askflow.knowledge.import-on-start=", "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "logging.level.io.askflow=INFO",
                        // the commands need no broker: its client's connection warnings would only bury the output
                        "logging.level.org.apache.kafka=ERROR")
                .run(args);
    }
}
