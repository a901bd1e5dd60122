package io.askflow.messaging;

import io.askflow.platform.StorageUnavailable;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AskflowEvent;
import io.askflow.events.CloudEventHeaders;
import io.askflow.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.converter.ByteArrayJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every Askflow service needs to publish and consume events the same way. Boot picks the beans up: the
 * message converter goes into both the Kafka template and the listener containers, the error handler and the
 * record and batch interceptors into every listener container.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
@EnableScheduling
public class MessagingAutoConfiguration {

    /** JSON bytes on the wire, bound to the listener method's parameter type. */
    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    ByteArrayJsonMessageConverter kafkaJsonConverter(ObjectMapper objectMapper) {
        return new ByteArrayJsonMessageConverter(objectMapper);
    }

    /**
     * Bounded retries with back-off, then the record goes, bytes unchanged, to {@code <topic>.dlt} (partition by
     * key). Records that can never be read (bad JSON, missing ids) skip the retries. Events that came before the
     * state they need are parked at once (no retries in place, so later records of their partition go on) and
     * replayed later; events that failed because the database could not be reached are retried for minutes instead
     * of seconds: that is not the record's fault, and a database restart must not dead-letter every event of its
     * downtime.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, EventParking parking,
                                          MessagingProperties properties) {
        var retry = properties.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler((record, exception) -> {
            if (Failures.tooEarly(exception)) {
                parking.accept(record, exception);
            } else {
                deadLetters.accept(record, exception);
            }
        }, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, NullPointerException.class);
        var parkAtOnce = new FixedBackOff(0, 0);
        var unavailable = longBackOff(retry, backOff.getMultiplier(), retry.unavailableFor());
        handler.setBackOffFunction((record, exception) ->
                Failures.tooEarly(exception) ? parkAtOnce
                        : Failures.causedBy(exception, StorageUnavailable::is) ? unavailable : null);
        return handler;
    }

    /** The ordinary intervals, for longer: the record is fine, what it needs is not there yet. */
    private static ExponentialBackOff longBackOff(MessagingProperties.Retry retry, double multiplier, Duration during) {
        var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), multiplier);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(during.toMillis());
        return backOff;
    }

    @Bean
    DeadLetters deadLetters(KafkaOperations<?, ?> template) {
        return new DeadLetters(template);
    }

    @Bean
    EventParking eventParking(JdbcTemplate jdbc, ObjectMapper objectMapper, DeadLetters deadLetters,
                              MessagingProperties properties, KafkaProperties kafkaProperties) {
        return new EventParking(JdbcClient.create(jdbc), objectMapper, deadLetters, properties,
                kafkaProperties.getConsumer().getGroupId());
    }

    @Bean
    @SuppressWarnings("unchecked")
    ParkedEventReplay parkedEventReplay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                        KafkaOperations<?, ?> template, EventParking parking,
                                        MessagingProperties properties) {
        return new ParkedEventReplay(JdbcClient.create(jdbc), transactionManager,
                (KafkaOperations<Object, Object>) template, parking, properties.parking());
    }

    /** The one record interceptor Boot puts into every listener container: logging context, then replay triggers. */
    @Bean
    RecordInterceptor<Object, Object> askflowRecordInterceptor(ParkedEventReplay replay) {
        return new CompositeRecordInterceptor<>(new QuestionIdLogging(), ReplayInterceptors.records(replay));
    }

    @Bean
    BatchInterceptor<Object, Object> askflowBatchInterceptor(ParkedEventReplay replay) {
        return ReplayInterceptors.batches(replay);
    }

    /** Every event topic and its dead-letter topic; creating an existing topic is a no-op. */
    @Bean
    KafkaAdmin.NewTopics askflowTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Every {@link AskflowEvent} published inside a transaction leaves through the outbox to its topic. */
    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof AskflowEvent)
                .routeAll(event -> RoutingTarget.forTarget(Topics.of((AskflowEvent) event))
                        .andKey(((AskflowEvent) event).key()))
                .headers(AskflowEvent.class, CloudEventHeaders::of)
                .build();
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(JdbcClient.create(jdbc));
    }

    @Bean
    Inbox inbox(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager) {
        return new Inbox(processedEvents, transactionManager);
    }

    @Bean
    OutboxResubmission outboxResubmission(
            org.springframework.modulith.events.IncompleteEventPublications incomplete,
            MessagingProperties properties) {
        return new OutboxResubmission(incomplete, properties.resubmitAfter());
    }

    /** Only where Actuator is on the classpath, and not where a service declares its own {@code kafka} check. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    static class KafkaHealthConfiguration {

        @Bean("kafka")
        @ConditionalOnMissingBean(name = "kafka")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
            return new KafkaHealthIndicator(kafkaAdmin, properties.healthTimeout());
        }
    }
}
