package io.askflow.reply.doctor;

import io.askflow.platform.security.DemoAccountsPresent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start while an account {@link DemoDoctors} made still logs in with the demo's
 * published password: a database once run as the demo keeps them, and the README prints {@code dr.ye / askflow}.
 * An account deactivated or given a password of its own passes, as does a real doctor who has a demo username.
 * Checked once the beans exist, before the web server and the Kafka listeners start; a production database without
 * those usernames costs 18 lookups and no BCrypt check.
 */
@Component
@Profile("!demo")
class LeftoverDemoDoctors implements SmartInitializingSingleton {

    private final Doctors doctors;
    private final PasswordEncoder passwords;
    private final String schema;

    LeftoverDemoDoctors(Doctors doctors, PasswordEncoder passwords, @Value("${askflow.db.schema}") String schema) {
        this.doctors = doctors;
        this.passwords = passwords;
        this.schema = schema;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> open = DemoDoctors.accounts().map(DoctorForm::username)
                .map(doctors::findCredentials).flatMap(Optional::stream)
                .filter(c -> c.doctor().active() && passwords.matches(DemoDoctors.PASSWORD, c.passwordHash()))
                .map(c -> c.doctor().username()).toList();
        if (open.isEmpty()) {
            return;
        }
        String names = open.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        throw new DemoAccountsPresent("reply-service runs without the demo profile, but " + open.size()
                + " demo doctor accounts still log in with the demo password '" + DemoDoctors.PASSWORD + "' ("
                + String.join(", ", open) + ")",
                "deactivate them (UPDATE " + schema + ".doctor SET active = false WHERE username IN (" + names
                        + ")) or give them passwords of your own on /admin/doctors while running once more with the "
                        + "demo profile, or run with the demo profile (SPRING_PROFILES_ACTIVE=demo) if this is a demo.");
    }
}
