package io.askflow.devstack.database;

import io.askflow.devstack.stack.StackSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code create-database}: creates the dev stack's database (ASKFLOW_DB_NAME, default askflow) if it is missing,
 * with the same ASKFLOW_DB_* settings the services read. The services' Flyway migrations create the schemas.
 */
public final class CreateDatabase {

    private CreateDatabase() {
    }

    public static int run(String[] args) {
        var database = new StackSettings.Database(env("ASKFLOW_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env("ASKFLOW_DB_PORT", "5432")), env("ASKFLOW_DB_NAME", "askflow"),
                env("ASKFLOW_DB_USER", "postgres"), env("ASKFLOW_DB_PASSWORD", ""));
        return create(database, System.out, System.err);
    }

    /** Creates the database if it is missing, saying so on {@code out}; 0 when it exists afterwards, else 2. */
    public static int create(StackSettings.Database database, PrintStream out, PrintStream err) {
        String name = database.name();
        String where = database.host() + ":" + database.port();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            err.println("ASKFLOW_DB_NAME must be a plain identifier, not '" + name + "'.");
            return 2;
        }
        Properties login = new Properties();
        login.setProperty("user", database.user());
        login.setProperty("password", database.password());
        login.setProperty("connectTimeout", "5");
        String url = "jdbc:postgresql://" + where + "/postgres";
        try (Connection db = DriverManager.getConnection(url, login)) {
            if (exists(db, name)) {
                out.println("Database " + name + " exists at " + where + ".");
            } else {
                try (Statement create = db.createStatement()) {
                    create.execute("CREATE DATABASE \"" + name + "\"");
                }
                out.println("Created database " + name + " at " + where + ".");
            }
            return 0;
        } catch (SQLException e) {
            err.println("Could not create database " + name + " at " + where + " as " + database.user() + ": "
                    + e.getMessage());
            return 2;
        }
    }

    private static boolean exists(Connection db, String name) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
