package io.askflow.messaging;

import io.askflow.platform.StorageUnavailable;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka settings shared by every service.
 *
 * @param partitions           partitions of each topic this service declares; up to this many instances of a
 *                             service share the load in one consumer group
 * @param replicationFactor    replicas of each topic (1 on one machine; 3 on a cluster)
 * @param retry                how a record that fails is retried before it goes to its dead-letter topic
 * @param resubmitAfter        an outbox publication still incomplete after this long is sent again
 * @param healthTimeout        how long {@code /actuator/health} waits for the broker to answer
 */
@ConfigurationProperties("askflow.kafka")
public record MessagingProperties(Integer partitions, Short replicationFactor, Retry retry, Duration resubmitAfter,
                                  Duration healthTimeout) {

    public MessagingProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
        resubmitAfter = resubmitAfter == null ? Duration.ofMinutes(1) : resubmitAfter;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(3) : healthTimeout;
    }

    /**
     * Exponential back-off between attempts. Topics are not ordered against each other, so an event that comes
     * before the state it needs is retried for a while before it is dead-lettered.
     *
     * @param maxRetries      retries after the first attempt
     * @param initialInterval wait before the first retry
     * @param maxInterval     longest wait between two retries
     * @param tooEarlyFor     how long an {@link EventTooEarlyException} is retried (with the same intervals) instead
     *                        of {@code maxRetries} times; meanwhile later records of its partition wait behind it
     * @param unavailableFor  how long a record whose processing could not reach the database
     *                        ({@link StorageUnavailable}) is retried, with the same intervals; meanwhile later records
     *                        of its partition wait behind it (they would fail the same way)
     */
    public record Retry(Integer maxRetries, Duration initialInterval, Duration maxInterval, Duration tooEarlyFor,
                        Duration unavailableFor) {

        public Retry {
            maxRetries = maxRetries == null ? 8 : maxRetries;
            initialInterval = initialInterval == null ? Duration.ofMillis(250) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
            tooEarlyFor = tooEarlyFor == null ? Duration.ofMinutes(10) : tooEarlyFor;
            unavailableFor = unavailableFor == null ? Duration.ofMinutes(30) : unavailableFor;
        }
    }
}
