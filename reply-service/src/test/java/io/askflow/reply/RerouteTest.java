package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.QuestionRouted;
import io.askflow.events.RerouteRequested;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@ReplyServiceTest
class RerouteTest {

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void theHolderSendsAQuestionToTheRightSpecialtyWhereTheWorkflowReopensIt() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor heart = scenario.doctor("Heart", Specialty.CARDIOLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());
        Instant beforeReroute = Instant.now();

        mvc.perform(reroute(id, ye, "Cardiology", "Chest pain on exertion: a heart question"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.fromSpecialty").value("NEUROLOGY"))
                .andExpect(jsonPath("$.toSpecialty").value("CARDIOLOGY"))
                .andExpect(jsonPath("$.status").value("REROUTING"));

        QueueItem item = items.find(id).orElseThrow();
        assertThat(item.status()).isEqualTo(QueueItem.Status.REROUTING);
        assertThat(item.claimedBy()).isNull();
        assertThat(item.rerouteTo()).isEqualTo(Specialty.CARDIOLOGY);
        mvc.perform(get("/api/questions/mine").with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Question being re-routed"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(RerouteRequested.class, id)).singleElement().satisfies(requested -> {
                    assertThat(requested.doctorId()).isEqualTo(ye.id());
                    assertThat(requested.doctorName()).isEqualTo("Dr. Ye");
                    assertThat(requested.fromSpecialty()).isEqualTo(Specialty.NEUROLOGY);
                    assertThat(requested.toSpecialty()).isEqualTo(Specialty.CARDIOLOGY);
                    assertThat(requested.reason()).isEqualTo("Chest pain on exertion: a heart question");
                }));

        // a routing decided before the request (here an overdue crossing it) does not put it back
        kafka.send(routed(id, Specialty.NEUROLOGY, RoutedBy.OVERDUE, beforeReroute));
        UUID marker = scenario.questionOnSamePartitionAs(id);
        kafka.send(Fixtures.questionRouted(marker, Specialty.NEUROLOGY));
        scenario.awaitStatus(marker, QueueItem.Status.OPEN);
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.REROUTING);

        kafka.send(routed(id, Specialty.CARDIOLOGY, RoutedBy.TRIAGE, Instant.now()));
        scenario.awaitStatus(id, QueueItem.Status.OPEN);
        QueueItem reopened = items.find(id).orElseThrow();
        assertThat(reopened.specialty()).isEqualTo(Specialty.CARDIOLOGY);
        assertThat(reopened.rerouteTo()).isNull();
        mvc.perform(get("/api/queue").with(httpBasic(heart.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')].specialty", id).value("CARDIOLOGY"));
        mvc.perform(get("/api/queue").with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
    }

    @Test
    void aTriageDoctorPlacesAnOpenQuestionWithoutClaimingIt() throws Exception {
        Doctor triage = scenario.doctor("Triage", Specialty.GENERAL_MEDICINE);
        UUID id = scenario.openQuestion(Specialty.GENERAL_MEDICINE).questionId();

        mvc.perform(reroute(id, triage, "dermatology", null)).andExpect(status().isAccepted());

        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.REROUTING);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(RerouteRequested.class, id)).singleElement().satisfies(requested -> {
                    assertThat(requested.fromSpecialty()).isEqualTo(Specialty.GENERAL_MEDICINE);
                    assertThat(requested.toSpecialty()).isEqualTo(Specialty.DERMATOLOGY);
                    assertThat(requested.reason()).isNull();
                }));
    }

    @Test
    void anUnknownOrTheSameSpecialtyIsABadRequestNamingTheField() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        mvc.perform(reroute(id, ye, "Astrology", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("specialty"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Astrology")));
        mvc.perform(reroute(id, ye, "", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("specialty"));
        mvc.perform(reroute(id, ye, "neurology", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("specialty"))
                .andExpect(jsonPath("$.errors[0].message", containsString("already in Neurology")));

        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
        assertThat(kafka.events(RerouteRequested.class, id)).isEmpty();
    }

    @Test
    void onlyTheSpecialtysDoctorsMayRerouteAndNotAQuestionAnotherDoctorHolds() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        Doctor skin = scenario.doctor("Skin", Specialty.DERMATOLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        mvc.perform(reroute(id, skin, "Cardiology", null))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(reroute(UUID.randomUUID(), ye, "Cardiology", null)).andExpect(status().isNotFound());
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(reroute(id, lin, "Cardiology", null))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        QueueItem item = items.find(id).orElseThrow();
        assertThat(item.status()).isEqualTo(QueueItem.Status.CLAIMED);
        assertThat(item.claimedBy()).isEqualTo(ye.id());
        assertThat(kafka.events(RerouteRequested.class, id)).isEmpty();
    }

    @Test
    void theQuestionPageOffersTheFormAndItSendsTheQuestionOn() throws Exception {
        Doctor triage = scenario.doctor("Triage", Specialty.GENERAL_MEDICINE);
        UUID id = scenario.openQuestion(Specialty.GENERAL_MEDICINE).questionId();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(triage.username())
                        .password(Scenario.PASSWORD))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/questions/{id}", id).session(session))
                .andExpect(content().string(containsString("Place in a specialty")))
                .andExpect(content().string(containsString("value=\"obstetrics-gynecology\"")));
        mvc.perform(post("/questions/{id}/reroute", id).session(session).with(csrf())
                        .param("specialty", "nowhere"))
                .andExpect(redirectedUrl("/questions/" + id));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);

        mvc.perform(post("/questions/{id}/reroute", id).session(session).with(csrf())
                        .param("specialty", "obstetrics-gynecology").param("reason", "Pregnancy question"))
                .andExpect(redirectedUrl("/queue"));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.REROUTING);
        mvc.perform(get("/questions/{id}", id).session(session))
                .andExpect(content().string(containsString("On its way to Obstetrics &amp; Gynecology")))
                .andExpect(content().string(not(containsString("Place in a specialty"))));
    }

    private RequestBuilder reroute(UUID id, Doctor doctor, String specialty, String reason) throws Exception {
        Map<String, String> body = new HashMap<>();
        body.put("specialty", specialty);
        body.put("reason", reason);
        return post("/api/questions/{id}/reroute", id).with(httpBasic(doctor.username(), Scenario.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private static QuestionRouted routed(UUID id, Specialty specialty, RoutedBy routedBy, Instant at) {
        return new QuestionRouted(UUID.randomUUID(), id, at, specialty, routedBy, 50, at.plus(Duration.ofHours(24)),
                at.plus(Duration.ofHours(72)));
    }
}
