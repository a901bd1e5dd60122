package io.askflow.enrichment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnrichmentServiceApplication {

    /** Starts the service, or runs one of the {@link Commands} and exits. */
    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args));
        }
        SpringApplication.run(EnrichmentServiceApplication.class, args);
    }
}
