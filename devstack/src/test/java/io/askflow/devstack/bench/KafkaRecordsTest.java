package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.Infrastructure;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaRecordsTest {

    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();

    @Test
    void countsTheRecordsProducedBetweenTwoReadingsOverEveryPartitionAndNewTopics() throws Exception {
        String existing = "bench-cost-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaRecords records = new KafkaRecords(bootstrap);
             KafkaProducer<String, String> producer = producer()) {
            admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1))).all().get();
            send(producer, existing, 3);
            Optional<Map<TopicPartition, Long>> before = records.endOffsets();

            String created = "bench-cost-" + UUID.randomUUID();
            admin.createTopics(List.of(new NewTopic(created, 1, (short) 1))).all().get();
            send(producer, existing, 5);
            send(producer, created, 2);
            Optional<Map<TopicPartition, Long>> after = records.endOffsets();

            assertThat(before.orElseThrow()).containsKeys(new TopicPartition(existing, 0), new TopicPartition(existing, 1));
            assertThat(before.orElseThrow().keySet()).noneMatch(p -> p.topic().startsWith("__"));
            assertThat(KafkaRecords.produced(before, after)).hasValue(7L);
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerGivesNoReading() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaRecords records = new KafkaRecords("127.0.0.1:" + closedPort)) {
            Optional<Map<TopicPartition, Long>> nothing = records.endOffsets();

            assertThat(nothing).isEmpty();
            assertThat(KafkaRecords.produced(nothing, Optional.of(Map.of()))).isEmpty();
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "key-" + i, "record " + i)).get();
        }
    }
}
