package io.askflow.messaging;

import io.askflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that cannot be processed, bytes unchanged, to {@code <topic>.dlt} (partition by key) with Spring
 * Kafka's exception headers, and logs where it came from.
 */
class DeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;

    DeadLetters(KafkaOperations<?, ?> template) {
        this.publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        log.error("Dead-lettering record topic={} partition={} offset={} key={}: {}", record.topic(),
                record.partition(), record.offset(), record.key(), Failures.rootMessage(exception));
        publisher.accept(record, exception);
    }
}
