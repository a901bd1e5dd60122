package io.askflow.reply.doctor;

import io.askflow.events.Specialty;
import io.askflow.platform.security.DemoAccountsPresent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo accounts (profile {@code demo} only): dr.ye and dr.lin in Neurology and one doctor for each other
 * common specialty, all with password {@code askflow}. Existing usernames are left alone, so restarts (and
 * several instances starting at once) add nothing twice.
 */
@Component
@Profile("demo")
class DemoDoctors implements ApplicationRunner {

    static final String PASSWORD = DemoAccountsPresent.DEMO_PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(DemoDoctors.class);

    private static final List<Specialty> ONE_DOCTOR_EACH = List.of(Specialty.GENERAL_MEDICINE,
            Specialty.INTERNAL_MEDICINE, Specialty.FAMILY_MEDICINE, Specialty.PEDIATRICS, Specialty.CARDIOLOGY,
            Specialty.CHEST_MEDICINE, Specialty.GASTROENTEROLOGY_HEPATOLOGY, Specialty.DERMATOLOGY,
            Specialty.PSYCHIATRY, Specialty.ORTHOPEDICS, Specialty.OBSTETRICS_GYNECOLOGY, Specialty.OTOLARYNGOLOGY,
            Specialty.OPHTHALMOLOGY, Specialty.PHARMACY, Specialty.ENDOCRINOLOGY_METABOLISM, Specialty.UROLOGY);

    private final ManageDoctors manage;

    DemoDoctors(ManageDoctors manage) {
        this.manage = manage;
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = accounts().map(manage::createIfAbsent).filter(Optional::isPresent).count();
        log.info("Demo doctors ready ({} added): dr.ye / {} and dr.lin / {} (Neurology), dr.<specialty> / {} "
                + "for the other specialties", added, PASSWORD, PASSWORD, PASSWORD);
    }

    static Stream<DoctorForm> accounts() {
        return Stream.concat(
                Stream.of(doctor("dr.ye", "Dr. Ye", Specialty.NEUROLOGY),
                        doctor("dr.lin", "Dr. Lin", Specialty.NEUROLOGY)),
                ONE_DOCTOR_EACH.stream().map(s -> doctor("dr." + s.slug().replaceAll("-.*", ""),
                        "Dr. " + s.displayName(), s)));
    }

    private static DoctorForm doctor(String username, String name, Specialty specialty) {
        return new DoctorForm(username, name, username.toLowerCase(Locale.ROOT) + "@doctors.askflow.example",
                PASSWORD, Set.of(specialty), Role.DOCTOR, true);
    }
}
