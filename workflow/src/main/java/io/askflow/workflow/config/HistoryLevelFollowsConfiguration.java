package io.askflow.workflow.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes {@code camunda.bpm.history-level} a setting an operator can change on an existing database. Camunda stores
 * the level it first ran with and refuses to start with any other, so a database made under the old default
 * ({@code full}) would keep a service from starting with today's ({@code audit}). Before the engine checks, this
 * writes the configured level into the engine's property table, if the table exists. History already written stays
 * as it is; only what is recorded from now on follows the new level.
 */
@Component
class HistoryLevelFollowsConfiguration extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelFollowsConfiguration.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        HistoryLevel configured = engine.getHistoryLevel();
        if (configured == null) {       // "auto": the engine takes the database's level itself
            return;
        }
        String table = engine.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
        try {
            adopt(engine.getDataSource(), table, configured);
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not set the engine's history level to " + configured.getName()
                    + " in " + table, e);
        }
    }

    static void adopt(DataSource dataSource, String table, HistoryLevel configured) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, table)) {
                return;                 // a new database: the engine creates the table with the configured level
            }
            String stored = storedLevel(connection, table);
            String wanted = Integer.toString(configured.getId());
            if (stored == null || stored.equals(wanted)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel'")) {
                update.setString(1, wanted);
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("Camunda history level changed from {} to {} ({}): history written before stays as it is",
                    stored, wanted, configured.getName());
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table.toLowerCase());
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static String storedLevel(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select VALUE_ from " + table + " where NAME_ = 'historyLevel'");
             ResultSet result = query.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
