package io.askflow.devstack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the broker holds in total: the sum of every partition's end offset over the application's topics
 * (not Kafka's internal {@code __} ones). Its growth over a window is the records produced in it (a transactional
 * producer's commit markers would count too; the services use none).
 */
final class KafkaRecords implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Admin admin;

    KafkaRecords(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "askflow-bench-cost",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS));
    }

    /** End offset per partition now; empty when the broker does not answer in time. */
    Optional<Map<TopicPartition, Long>> endOffsets() throws InterruptedException {
        try {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).stream()
                    .filter(t -> !t.startsWith("__")).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return Optional.of(Map.of());
            }
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return Optional.of(offsets.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())));
        } catch (ExecutionException | TimeoutException | KafkaException unreadable) {
            return Optional.empty();
        }
    }

    /** Records added between two readings; a partition created in between counts from 0. */
    static Optional<Long> produced(Optional<Map<TopicPartition, Long>> before, Optional<Map<TopicPartition, Long>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(after.get().entrySet().stream()
                .mapToLong(e -> e.getValue() - before.get().getOrDefault(e.getKey(), 0L)).sum());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
