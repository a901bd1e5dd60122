package io.askflow.reply;

import static io.askflow.testsupport.ClientAddresses.fresh;
import static io.askflow.testsupport.ClientAddresses.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.Specialty;
import io.askflow.platform.security.LoginRefusal;
import io.askflow.platform.security.LoginThrottleFilter;
import io.askflow.reply.doctor.Doctor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The login throttle on both logins, 10 failures in 15 minutes (the defaults). Each test takes addresses of its own
 * (10.x, never MockMvc's default 127.0.0.1, which the other tests share) and fresh doctors.
 */
@ReplyServiceTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {


    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aFormLoginIsRefusedAfterTenFailuresOfItsAccountEvenWithTheRightPassword(CapturedOutput output)
            throws Exception {
        Doctor doctor = scenario.doctor("Throttled", Specialty.NEUROLOGY);
        String guess = "guess-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            formLogin(doctor.username(), guess, fresh()).andExpect(redirectedUrl("/login?error"));
        }

        formLogin(doctor.username(), Scenario.PASSWORD, fresh())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", RetryAfter.withinTheWindow()))
                .andExpect(forwardedUrl("/login"))
                .andExpect(request().attribute(LoginThrottleFilter.REFUSAL_ATTRIBUTE,
                        org.hamcrest.Matchers.instanceOf(LoginRefusal.class)));
        // another doctor from the same address is not affected
        Doctor other = scenario.doctor("Unaffected", Specialty.NEUROLOGY);
        String address = fresh();
        formLogin(other.username(), Scenario.PASSWORD, address).andExpect(redirectedUrl("/queue"));

        assertThat(output).contains("Failed login of account '" + doctor.username().toLowerCase() + "' from 10.")
                .contains("Refused login of account '" + doctor.username().toLowerCase() + "'")
                .doesNotContain(guess).doesNotContain(Scenario.PASSWORD);
    }

    @Test
    void theRefusedFormLoginShowsTheLoginPageWithTheWait() throws Exception {
        mvc.perform(get("/login").requestAttr(LoginThrottleFilter.REFUSAL_ATTRIBUTE, new LoginRefusal(840)))
                .andExpect(content().string(containsString("Too many failed logins for this account or from this "
                        + "address.")))
                .andExpect(content().string(containsString("try again in <span>14</span> minutes")));
    }

    @Test
    void basicLoginsAreRefusedAfterTenFailuresFromTheirAddressWhateverTheAccount(CapturedOutput output)
            throws Exception {
        String address = fresh();
        String guess = "guess-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/queue").with(httpBasic("dr.guess-" + UUID.randomUUID(), guess)).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        Doctor doctor = scenario.doctor("Behind the guesser", Specialty.NEUROLOGY);

        mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), Scenario.PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", RetryAfter.withinTheWindow()))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many failed logins"));
        // the same doctor from another address is not affected
        mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), Scenario.PASSWORD)).with(from(fresh())))
                .andExpect(status().isOk());

        assertThat(output).contains("from " + address).doesNotContain(guess).doesNotContain(Scenario.PASSWORD);
    }

    @Test
    void successfulLoginsAreNeverThrottledNorWritten() throws Exception {
        Doctor doctor = scenario.doctor("Busy", Specialty.NEUROLOGY);
        String address = fresh();
        for (int i = 0; i < 9; i++) {             // failures short of the limit do not stop the right password
            mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), "wrong")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        for (int i = 0; i < 50; i++) {
            mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), Scenario.PASSWORD)).with(from(address)))
                    .andExpect(status().isOk());
        }
        formLogin(doctor.username(), Scenario.PASSWORD, address).andExpect(redirectedUrl("/queue"));

        assertThat(jdbc.sql("select count(*) from login_failure where account = ?")
                .param(doctor.username().toLowerCase()).query(Long.class).single()).isEqualTo(9);
    }

    private ResultActions formLogin(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address)));
    }

    private static final class RetryAfter {

        /** Whole seconds, more than 14 and at most 15 minutes: the first failure was just now. */
        static org.hamcrest.Matcher<String> withinTheWindow() {
            return org.hamcrest.Matchers.matchesPattern("(8[4-9][0-9]|900)");
        }
    }
}
