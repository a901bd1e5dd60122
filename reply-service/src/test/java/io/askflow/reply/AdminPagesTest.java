package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.Doctors;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class AdminPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Doctors doctors;
    @Autowired KafkaProbe kafka;
    @Autowired Scenario scenario;

    @Test
    void anAdminAddsEditsAndDeactivatesADoctor() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("askflow"))
                .andExpect(redirectedUrl("/queue")).andReturn().getRequest().getSession(false);
        String username = "dr.new." + System.nanoTime();

        mvc.perform(post("/admin/doctors").session(admin).with(csrf())
                        .param("username", username).param("displayName", "Dr. New")
                        .param("email", "new@doctors.example.org").param("password", "short")
                        .param("specialties", "NEUROLOGY").param("role", "DOCTOR").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at least 8 characters")));
        mvc.perform(post("/admin/doctors").session(admin).with(csrf())
                        .param("username", username).param("displayName", "Dr. New")
                        .param("email", "new@doctors.example.org").param("password", "long-enough")
                        .param("specialties", "NEUROLOGY", "NEUROSURGERY").param("role", "DOCTOR")
                        .param("active", "true"))
                .andExpect(redirectedUrl("/admin/doctors"));
        Doctor added = doctors.findAll().stream().filter(d -> d.username().equals(username)).findFirst()
                .orElseThrow();
        assertThat(added.specialties()).containsExactlyInAnyOrder(Specialty.NEUROLOGY, Specialty.NEUROSURGERY);

        mvc.perform(get("/admin/doctors").session(admin)).andExpect(content().string(containsString("Dr. New")));
        mvc.perform(post("/admin/doctors/{id}", added.id()).session(admin).with(csrf())
                        .param("username", username).param("displayName", "Dr. New")
                        .param("email", "new@doctors.example.org").param("password", "")
                        .param("specialties", "NEUROLOGY").param("role", "DOCTOR"))
                .andExpect(redirectedUrl("/admin/doctors"));

        assertThat(doctors.findById(added.id()).orElseThrow().active()).isFalse();
        mvc.perform(formLogin("/login").user(username).password("long-enough"))
                .andExpect(redirectedUrl("/login?error"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(DoctorUpdated.class, added.id().toString()))
                        .extracting(DoctorUpdated::active).containsExactlyInAnyOrder(true, false));
    }

    @Test
    void doctorsCannotManageDoctors() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(ye.username())
                .password(Scenario.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/admin/doctors").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/doctors").session(session).with(csrf()).param("username", "dr.sneaky"))
                .andExpect(status().isForbidden());
    }
}
