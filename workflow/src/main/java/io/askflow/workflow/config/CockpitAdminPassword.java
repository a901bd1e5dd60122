package io.askflow.workflow.config;

import io.askflow.platform.security.AdminProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda creates Cockpit's admin user once ({@link CockpitAdminUser}) and never changes it: without this, a new
 * {@code ASKFLOW_ADMIN_PASSWORD} would leave the old password (the demo's, say) working. At every start the operator's
 * Cockpit user gets the configured password.
 */
@Component
class CockpitAdminPassword {

    private static final Logger log = LoggerFactory.getLogger(CockpitAdminPassword.class);

    private final IdentityService identity;
    private final AdminProperties admin;

    CockpitAdminPassword(IdentityService identity, AdminProperties admin) {
        this.identity = identity;
        this.admin = admin;
    }

    @EventListener(ApplicationStartedEvent.class)
    void applyConfiguredPassword() {
        if (!admin.enabled()) {
            return;
        }
        User user = identity.createUserQuery().userId(admin.username()).singleResult();
        if (user == null) {
            return;
        }
        user.setPassword(admin.password());
        try {
            identity.saveUser(user);
        } catch (OptimisticLockingException e) {
            log.info("Cockpit user '{}': another instance set its password at the same time", admin.username());
        }
    }
}
