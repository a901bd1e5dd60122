package io.askflow.notification.delivery;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class DeliveryLogApiTest extends NotificationServiceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLogShowsEachMailWithTheAddressMasked() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(request);
        awaitOneMailTo(question.contactEmail());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(log(question.questionId())
                        .with(httpBasic("operator", "s3cret")))
                .andExpect(jsonPath("$[0].status").value("SENT")));

        mvc.perform(log(question.questionId()).with(httpBasic("operator", "s3cret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].notificationId").value(request.notificationId().toString()))
                .andExpect(jsonPath("$[0].kind").value("ANSWERED"))
                .andExpect(jsonPath("$[0].recipient").value("m***@example.org"))
                .andExpect(jsonPath("$[0].messageId").value("<" + request.notificationId() + "@askflow.local>"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].smtpResponse").value(startsWith("250")))
                .andExpect(jsonPath("$[0].requestedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].sentAt").isNotEmpty())
                .andExpect(content().string(not(containsString(question.contactEmail()))));
    }

    @Test
    void onlyTheOperatorMayReadOrRetry() throws Exception {
        UUID questionId = UUID.randomUUID();
        mvc.perform(log(questionId)).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")));
        mvc.perform(log(questionId).with(httpBasic("operator", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(log(questionId).with(user("dr.ye").roles("DOCTOR"))).andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/notifications/{id}/retry", UUID.randomUUID())).andExpect(status().isUnauthorized());
        mvc.perform(log(questionId).with(httpBasic("operator", "s3cret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void retryAnswersNotFoundAndConflictAsProblems() throws Exception {
        mvc.perform(post("/api/notifications/{id}/retry", UUID.randomUUID()).with(httpBasic("operator", "s3cret")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(question);
        kafka.send(Fixtures.notificationRequested(question.questionId(), NotificationKind.RECEIVED));
        awaitOneMailTo(question.contactEmail());
        UUID id = deliveries.ofQuestion(question.questionId()).get(0).id();
        mvc.perform(post("/api/notifications/{id}/retry", id).with(httpBasic("operator", "s3cret")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("only a FAILED mail can be retried")));
        mvc.perform(get("/api/notifications").with(httpBasic("operator", "s3cret")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void healthShowsDatabaseKafkaAndMail() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.mail.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/notifications']").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/{id}/retry']").exists());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder log(UUID questionId) {
        return get("/api/notifications").param("questionId", questionId.toString());
    }
}
