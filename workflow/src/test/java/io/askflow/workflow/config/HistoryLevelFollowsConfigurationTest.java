package io.askflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.testsupport.AskflowIntegrationTest;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class HistoryLevelFollowsConfigurationTest {

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDatabaseMadeUnderAnotherHistoryLevelTakesTheConfiguredOne() throws Exception {
        CommandExecutor schemaOperations = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorSchemaOperations();
        assertThat(storedLevel()).as("the default, activity").isEqualTo("1");
        jdbc.update("update ACT_GE_PROPERTY set VALUE_ = '3' where NAME_ = 'historyLevel'");      // made under full
        assertThatThrownBy(() -> schemaOperations.execute(new HistoryLevelSetupCommand()))
                .as("Camunda's own start-up check").hasMessageContaining("historyLevel mismatch");

        HistoryLevelFollowsConfiguration.adopt(dataSource, "ACT_GE_PROPERTY", HistoryLevel.HISTORY_LEVEL_ACTIVITY);

        assertThat(storedLevel()).isEqualTo("1");
        assertThatCode(() -> schemaOperations.execute(new HistoryLevelSetupCommand())).doesNotThrowAnyException();
    }

    @Test
    void aNewDatabaseIsLeftToTheEngine() {
        assertThatCode(() -> HistoryLevelFollowsConfiguration.adopt(dataSource, "NO_SUCH_PREFIX_ACT_GE_PROPERTY",
                HistoryLevel.HISTORY_LEVEL_ACTIVITY)).doesNotThrowAnyException();
    }

    private String storedLevel() {
        return jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class);
    }
}
