package io.askflow.reply.doctor;

import io.askflow.platform.security.AdminProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Looks up logins: the operator from configuration, everyone else in the doctor table. */
class DoctorLogins implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(DoctorLogins.class);

    private final Doctors doctors;
    private final AdminProperties admin;
    private final String adminPasswordHash;

    DoctorLogins(Doctors doctors, AdminProperties admin, PasswordEncoder passwords) {
        this.doctors = doctors;
        this.admin = admin;
        this.adminPasswordHash = admin.enabled() ? passwords.encode(admin.password()) : null;
        if (!admin.enabled()) {
            log.warn("askflow.security.admin.password is blank: nobody can log in as operator '{}'",
                    admin.username());
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (admin.username().equals(username)) {
            if (adminPasswordHash == null) {
                throw new UsernameNotFoundException("Operator login disabled");
            }
            UUID operatorId = UUID.nameUUIDFromBytes(("operator:" + username).getBytes(StandardCharsets.UTF_8));
            return new DoctorAccount(operatorId, username, "Administrator", Role.ADMIN, true, adminPasswordHash);
        }
        return doctors.findCredentials(username)
                .map(c -> new DoctorAccount(c.doctor().id(), c.doctor().username(), c.doctor().displayName(),
                        c.doctor().role(), c.doctor().active(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such login"));
    }
}
