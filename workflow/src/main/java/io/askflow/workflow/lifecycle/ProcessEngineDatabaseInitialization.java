package io.askflow.workflow.lifecycle;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Boot that the process engine needs the database initialized first, as it does for JdbcTemplate or JPA:
 * Flyway then creates the {@code workflow} schema (and our tables) before the engine creates its tables in it.
 * Registered in {@code META-INF/spring.factories}.
 */
class ProcessEngineDatabaseInitialization extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
