package io.askflow.question.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.question.QuestionRepository;
import io.askflow.question.track.TrackingRepository;
import io.askflow.testsupport.AskflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class DemoQuestionsTest {

    private static final UUID BELLS_PALSY = UUID.fromString("801f121d-1b3c-4008-bdce-d4a9501b0eba");

    @Autowired ApplicationContext context;
    @Autowired QuestionRepository questions;
    @Autowired TrackingRepository tracking;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void loadsOnlyInTheDemoProfile() {
        assertThat(context.getBeanProvider(DemoQuestions.class).getIfAvailable()).isNull();
    }

    @Test
    void loadsTheTeamsAnsweredQuestionsOnceWhateverTheRestarts() throws Exception {
        var demo = new DemoQuestions(questions, tracking, transactions, json);
        demo.load();
        assertThat(demo.load()).as("a restart adds nothing").isZero();
        assertThat(new DemoQuestions(questions, tracking, transactions, json).load()).isZero();

        assertThat(jdbc.sql("select count(*) from question where email = 'demo@askflow.invalid'"
                + " and consent_to_publish and reply_body is not null").query(Integer.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("select distinct coalesce(reply_specialty, specialty) from question"
                + " where email = 'demo@askflow.invalid'").query(String.class).list())
                .contains("NEUROLOGY", "CARDIOLOGY", "PEDIATRICS", "DERMATOLOGY", "PHARMACY");
        assertThat(jdbc.sql("select count(*) from question where email = 'demo@askflow.invalid'"
                + " and reply_specialty = 'NEUROLOGY'").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select step from question_step where question_id = ? order by at").param(BELLS_PALSY)
                .query(String.class).list())
                .containsExactly("ASKED", "ROUTED", "CLAIMED", "REPLIED", "ENRICHED", "NOTIFIED");

        String page = mvc.perform(get("/questions/" + BELLS_PALSY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Sudden weakness on the left side of my face").contains("Ask Date")
                .contains("2026-09-02").contains("Dr. Ye").contains("Bell&#39;s palsy").contains("Reply Date")
                .contains("More Info").contains("Similar Q&amp;A").contains("Headaches with flashing lights")
                .contains("Related FAQ").contains("/faq/neurology/facial-nerve-palsy")
                .doesNotContain("demo@askflow.invalid");
        String home = mvc.perform(get("/specialties/neurology")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("The room spins when I turn over in bed");
    }
}
