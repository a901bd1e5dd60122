package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorForm;
import io.askflow.reply.doctor.Doctors;
import io.askflow.reply.doctor.ManageDoctors;
import io.askflow.reply.doctor.Role;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class DemoDoctorsTest {

    @Autowired Doctors doctors;
    @Autowired ManageDoctors manage;
    @Autowired KafkaProbe kafka;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("demoDoctors") ApplicationRunner seeder;

    @Test
    void theDemoDoctorsExistAndArePublished() {
        Doctor ye = byUsername("dr.ye");
        assertThat(ye.displayName()).isEqualTo("Dr. Ye");
        assertThat(ye.specialties()).containsExactly(Specialty.NEUROLOGY);
        assertThat(byUsername("dr.lin").specialties()).containsExactly(Specialty.NEUROLOGY);
        for (Specialty specialty : Set.of(Specialty.GENERAL_MEDICINE, Specialty.CARDIOLOGY, Specialty.PHARMACY,
                Specialty.UROLOGY, Specialty.GASTROENTEROLOGY_HEPATOLOGY)) {
            assertThat(doctors.findAll()).anySatisfy(d -> assertThat(d.specialties()).contains(specialty));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(DoctorUpdated.class, ye.id().toString())).singleElement()
                        .satisfies(updated -> {
                            assertThat(updated.name()).isEqualTo("Dr. Ye");
                            assertThat(updated.email()).isEqualTo(ye.email());
                            assertThat(updated.specialties()).containsExactly(Specialty.NEUROLOGY);
                            assertThat(updated.active()).isTrue();
                        }));
    }

    @Test
    void seedingAgainAddsAndPublishesNothing() throws Exception {
        int before = doctors.findAll().size();
        Doctor lin = byUsername("dr.lin");
        seeder.run(null);
        assertThat(doctors.findAll()).hasSize(before);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(kafka.events(DoctorUpdated.class, lin.id().toString())).hasSize(1));
    }

    @Test
    void demoLoginsWork() throws Exception {
        mvc.perform(get("/api/queue").with(httpBasic("dr.ye", "askflow"))).andExpect(status().isOk());
        mvc.perform(get("/api/queue").with(httpBasic("dr.cardiology", "askflow"))).andExpect(status().isOk());
        mvc.perform(get("/admin/doctors").with(httpBasic("admin", "askflow"))).andExpect(status().isOk());
        mvc.perform(get("/admin/doctors").with(httpBasic("dr.ye", "askflow"))).andExpect(status().isForbidden());
    }

    @Test
    void changingADoctorPublishesTheChange() {
        String username = "dr.change." + System.nanoTime();
        Doctor doctor = manage.createIfAbsent(new DoctorForm(username, "Dr. Change", username + "@example.org",
                "password1", Set.of(Specialty.PEDIATRICS), Role.DOCTOR, true)).orElseThrow();
        manage.update(doctor.id(), new DoctorForm(username, "Dr. Change", username + "@example.org", "",
                Set.of(Specialty.PEDIATRICS, Specialty.FAMILY_MEDICINE), Role.DOCTOR, false));

        assertThat(doctors.findById(doctor.id()).orElseThrow().active()).isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(DoctorUpdated.class, doctor.id().toString()))
                        .extracting(DoctorUpdated::active).containsExactlyInAnyOrder(true, false));
    }

    private Doctor byUsername(String username) {
        return doctors.findAll().stream().filter(d -> d.username().equals(username)).findFirst().orElseThrow();
    }
}
