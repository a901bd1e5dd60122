package io.askflow.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at the test infrastructure of this JVM: one switch, two sources.
 * <ul>
 *   <li>{@code local} (the default without a Docker engine): the PostgreSQL server at {@code askflow.db.host}
 *   (127.0.0.1:5432), in a database of its own that is dropped and created anew when the JVM first needs it,
 *   and an in-process KRaft broker ({@code EmbeddedKafkaKraftBroker});</li>
 *   <li>{@code containers} (the default where a Docker engine answers): PostgreSQL and Kafka from
 *   Testcontainers.</li>
 * </ul>
 * Choose explicitly with the system property or environment variable {@code ASKFLOW_TEST_INFRA}.
 * Each Maven module's test JVM has its own database ({@code askflow.test.database}), never the dev stack's.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("askflow-test-infrastructure",
                Map.of("askflow.db.host", infrastructure.databaseHost(),
                        "askflow.db.port", String.valueOf(infrastructure.databasePort()),
                        "askflow.db.name", infrastructure.databaseName(),
                        "askflow.db.user", infrastructure.databaseUser(),
                        "askflow.db.password", infrastructure.databasePassword(),
                        "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                        "askflow.kafka.partitions", "2",
                        "askflow.kafka.retry.max-interval", "2s")));
    }
}
