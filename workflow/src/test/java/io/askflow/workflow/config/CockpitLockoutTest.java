package io.askflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords never lock a Cockpit user for good: Camunda's own lock (after 10 failures by default, lifted only
 * by an administrator) would let anyone lock the operator out. Guessing is refused by the login throttle instead,
 * for its window (CockpitLoginThrottleTest).
 */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
class CockpitLockoutTest {

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aUserWithManyFailedLoginsStillLogsInWithTheRightPassword() {
        String id = "lockout" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("the right one");
        identity.saveUser(user);
        try {
            for (int attempt = 1; attempt <= 12; attempt++) {
                assertThat(identity.checkPassword(id, "a wrong one")).isFalse();
                // Camunda's delay between attempts (3 s, doubling) is not what this test is about
                jdbc.update("update ACT_ID_USER set LOCK_EXP_TIME_ = null where ID_ = ?", id);
            }
            assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, id))
                    .as("the failures were counted").isEqualTo(12);
            assertThat(identity.checkPassword(id, "the right one")).isTrue();
        } finally {
            identity.deleteUser(id);
        }
    }
}
