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
 * @param parking              how events that came too early are parked and replayed
 * @param resubmitAfter        an outbox publication still incomplete after this long is sent again
 * @param healthTimeout        how long {@code /actuator/health} waits for the broker to answer
 */
@ConfigurationProperties("askflow.kafka")
public record MessagingProperties(Integer partitions, Short replicationFactor, Retry retry, Parking parking,
                                  Duration resubmitAfter, Duration healthTimeout) {

    public MessagingProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
        parking = parking == null ? new Parking(null, null, null, null) : parking;
        resubmitAfter = resubmitAfter == null ? Duration.ofMinutes(1) : resubmitAfter;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(3) : healthTimeout;
    }

    /**
     * Exponential back-off between attempts. Topics are not ordered against each other, so an event that comes
     * before the state it needs is parked and replayed for a while before it is dead-lettered.
     *
     * @param maxRetries      retries after the first attempt
     * @param initialInterval wait before the first retry
     * @param maxInterval     longest wait between two retries
     * @param tooEarlyFor     how long an {@link EventTooEarlyException} is replayed from the parked events (see
     *                        {@link Parking}), counted from its first parking, before it is dead-lettered; later
     *                        records of its partition do not wait for it
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

    /**
     * Events that came too early ({@link EventTooEarlyException}) are parked in the service's {@code parked_event}
     * table, not retried in place, and replayed to their topic: soon after another event of the same question was
     * processed, else on a timer with back-off, until {@code retry.too-early-for} is spent.
     *
     * @param pollInterval      how often each instance looks for parked events that are due
     * @param firstReplayAfter  the first replay's delay; each further replay waits twice as long as the one before
     * @param maxReplayInterval the longest wait between two replays of an event
     * @param replayBatch       how many parked events one look replays at most (it looks again while it finds that many)
     */
    public record Parking(Duration pollInterval, Duration firstReplayAfter, Duration maxReplayInterval,
                          Integer replayBatch) {

        public Parking {
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            firstReplayAfter = firstReplayAfter == null ? Duration.ofMillis(500) : firstReplayAfter;
            maxReplayInterval = maxReplayInterval == null ? Duration.ofMinutes(1) : maxReplayInterval;
            replayBatch = replayBatch == null ? 100 : replayBatch;
        }

        /** The wait before replay number {@code attempts + 1}. */
        Duration delayAfter(int attempts) {
            Duration delay = firstReplayAfter.multipliedBy(1L << Math.min(attempts, 20));
            return delay.compareTo(maxReplayInterval) > 0 ? maxReplayInterval : delay;
        }
    }
}
