package io.askflow.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.notification.NotificationServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The login throttle counts failures only: the operator's successful logins pass and leave no trace. (No failures
 * here: they would count against the operator the other test classes share.)
 */
class OperatorLoginSuccessTest extends NotificationServiceTest {

    private static final String ADDRESS = "10.89.0.1";

    @Autowired MockMvc mvc;

    @Test
    void successfulLoginsAreNeverThrottledNorWritten() throws Exception {
        for (int i = 0; i < 50; i++) {
            mvc.perform(get("/api/notifications").param("questionId", UUID.randomUUID().toString())
                            .with(httpBasic("operator", "s3cret")).with(request -> {
                                request.setRemoteAddr(ADDRESS);
                                return request;
                            }))
                    .andExpect(status().isOk());
        }

        assertThat(jdbc.queryForObject("select count(*) from login_failure where address = ?", Long.class, ADDRESS))
                .isZero();
    }
}
