package io.askflow.reply.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** {@code kafka} in /actuator/health: up when the broker describes its cluster within the timeout. */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin admin;
    private final Duration timeout;

    KafkaHealthIndicator(KafkaAdmin admin, @Value("${askflow.kafka.health-timeout:3s}") Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        }
    }
}
