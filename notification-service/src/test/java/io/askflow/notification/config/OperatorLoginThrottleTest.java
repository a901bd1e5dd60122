package io.askflow.notification.config;

import static io.askflow.testsupport.ClientAddresses.fresh;
import static io.askflow.testsupport.ClientAddresses.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.notification.NotificationServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The login throttle on HTTP Basic, 10 failures in 15 minutes (the defaults). The operator is shared with the other
 * test classes, so no failure here is the operator's: the account key is shown on a name that does not exist, the
 * refusal of a right password on the address key. Each test takes addresses of its own (10.x, never 127.0.0.1).
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorLoginThrottleTest extends NotificationServiceTest {


    @Autowired MockMvc mvc;

    @Test
    void anAddressIsRefusedAfterTenFailuresEvenTheRightPasswordOtherAddressesAreNot(CapturedOutput output)
            throws Exception {
        String address = fresh();
        String guess = "guess-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            mvc.perform(log().with(httpBasic("admin-" + UUID.randomUUID(), guess)).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(log().with(httpBasic("operator", "s3cret")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("(8[4-9][0-9]|900)")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too many failed logins"))
                .andExpect(jsonPath("$.retryAfterSeconds").isNumber());
        mvc.perform(log().with(httpBasic("operator", "s3cret")).with(from(fresh())))
                .andExpect(status().isOk());

        assertThat(output).contains("Failed login of account 'admin-").contains("from " + address)
                .doesNotContain(guess).doesNotContain("s3cret");
    }

    @Test
    void anAccountIsRefusedAfterTenFailuresFromAnyAddressesOtherAccountsAreNot(CapturedOutput output)
            throws Exception {
        String account = "ghost-" + UUID.randomUUID();
        String guess = "guess-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            mvc.perform(log().with(httpBasic(account, guess)).with(from(fresh())))
                    .andExpect(status().isUnauthorized());
        }

        String address = fresh();
        mvc.perform(log().with(httpBasic(account, guess)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(log().with(httpBasic("operator", "s3cret")).with(from(address)))
                .andExpect(status().isOk());

        assertThat(output).contains("Failed login of account '" + account + "' from 10.")
                .contains("Refused login of account '" + account + "' from " + address).doesNotContain(guess);
    }

    private static MockHttpServletRequestBuilder log() {
        return get("/api/notifications").param("questionId", UUID.randomUUID().toString());
    }
}
