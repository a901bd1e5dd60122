package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 2.0, 0.5,
            Duration.ofHours(24));

    @Test
    void doublesPerAttemptUpToTheMaximum() {
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(4, 0.0)).isEqualTo(Duration.ofSeconds(240));
        assertThat(policy.delayAfter(30, 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterTakesUpToHalfOfTheWaitAway() {
        assertThat(policy.delayAfter(2, 0.999)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
        assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void defaultsRetryForADay() {
        assertThat(RetryPolicy.defaults().giveUpAfter()).isEqualTo(Duration.ofHours(24));
    }
}
