package io.askflow.devstack.bench;

import io.askflow.devstack.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The transactions committed in the stack's database so far, as {@code pg_stat_database.xact_commit} counts them.
 * PostgreSQL 15 counts with a delay: each backend flushes its counts when it goes idle, at most once a second
 * (longer only under lock contention), so a reading right after the last commit may miss the last second's.
 * Each reading opens its own short connection; its own read-only transaction adds one commit, which is noise.
 */
final class PostgresCommits {

    private final StackSettings.Database database;

    PostgresCommits(StackSettings.Database database) {
        this.database = database;
    }

    /** Empty when the database cannot be read. */
    Optional<Long> committed() {
        Properties login = new Properties();
        login.setProperty("user", database.user());
        login.setProperty("password", database.password());
        login.setProperty("connectTimeout", "5");
        login.setProperty("socketTimeout", "10");
        String url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
        try (Connection db = DriverManager.getConnection(url, login);
             PreparedStatement query = db.prepareStatement(
                     "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        } catch (SQLException unreadable) {
            return Optional.empty();
        }
    }
}
