package io.askflow.workflow.config;

import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.security.DemoAccountsPresent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Camunda creates Cockpit's admin user once ({@link CockpitAdminUser}) and never changes it: without this, a new
 * {@code ASKFLOW_ADMIN_PASSWORD} would leave the old password (the demo's, say) working. At every start the operator's
 * Cockpit user gets the configured password. Outside the demo profile the service then refuses to start while the
 * demo's Cockpit user ({@code admin}) still has the demo password: a database once run as the demo keeps it when the
 * operator login is blank (Cockpit off), has another user name, or is the demo's password itself. Both happen once
 * the engine is built and before the web server (Cockpit) starts.
 */
@Component
class CockpitAdminPassword implements SmartInitializingSingleton {

    /** The Cockpit user the demo profile makes (its application-demo.yml operator login). */
    static final String DEMO_USER = "admin";

    private static final Logger log = LoggerFactory.getLogger(CockpitAdminPassword.class);

    private final ProcessEngine engine;
    private final AdminProperties admin;
    private final Environment environment;

    CockpitAdminPassword(ProcessEngine engine, AdminProperties admin, Environment environment) {
        this.engine = engine;
        this.admin = admin;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applyConfiguredPassword();
        if (!environment.matchesProfiles("demo") && hasDemoPassword(DEMO_USER)) {
            throw new DemoAccountsPresent("workflow runs without the demo profile, but Cockpit's user '" + DEMO_USER
                    + "' still logs in with the demo password '" + DemoAccountsPresent.DEMO_PASSWORD + "'",
                    "set ASKFLOW_ADMIN_USERNAME=" + DEMO_USER + " and ASKFLOW_ADMIN_PASSWORD to a password of your "
                            + "own (applied to that user at start), or run with the demo profile "
                            + "(SPRING_PROFILES_ACTIVE=demo) if this is a demo.");
        }
    }

    private void applyConfiguredPassword() {
        if (!admin.enabled()) {
            return;
        }
        IdentityService identity = engine.getIdentityService();
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

    /**
     * Compares the stored hash as Camunda's login does, but without {@link IdentityService#checkPassword}: a failed
     * check there counts as a failed login, so a check at every start would lock the operator out after ten.
     */
    private boolean hasDemoPassword(String userId) {
        User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity stored) || stored.getPassword() == null) {
            return false;
        }
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getPasswordManager().check(
                EncryptionUtil.saltPassword(DemoAccountsPresent.DEMO_PASSWORD, stored.getSalt()), stored.getPassword());
    }
}
