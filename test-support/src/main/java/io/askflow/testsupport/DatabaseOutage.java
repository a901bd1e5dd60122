package io.askflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real outage of this test JVM's database, until closed: PostgreSQL refuses every new connection to it and ends
 * the open ones, as a crashed or restarting server would. Only this module's throwaway database is affected.
 * <p>
 * A connection pool finds the ended connections broken one at a time, each failing one request; a test that
 * asserts on what happens after the outage should evict its pool's connections once this is closed.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Connection admin;
    private final String database;

    private DatabaseOutage(Connection admin, String database) {
        this.admin = admin;
        this.database = database;
    }

    /** Starts the outage of {@link Infrastructure#shared()}'s database. */
    public static DatabaseOutage begin() throws SQLException {
        Infrastructure infrastructure = Infrastructure.shared();
        String database = infrastructure.databaseName();
        Connection admin = DriverManager.getConnection("jdbc:postgresql://" + infrastructure.databaseHost() + ":"
                + infrastructure.databasePort() + "/postgres", infrastructure.databaseUser(),
                infrastructure.databasePassword());
        try (Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        return new DatabaseOutage(admin, database);
    }

    /** Ends the outage: connections are accepted again. */
    @Override
    public void close() throws SQLException {
        try (admin; Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database + "\" allow_connections true");
        }
    }
}
