package io.askflow.devstack.database;

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
        String host = env("ASKFLOW_DB_HOST", "127.0.0.1");
        String port = env("ASKFLOW_DB_PORT", "5432");
        String name = env("ASKFLOW_DB_NAME", "askflow");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            System.err.println("ASKFLOW_DB_NAME must be a plain identifier, not '" + name + "'.");
            return 2;
        }
        Properties login = new Properties();
        login.setProperty("user", env("ASKFLOW_DB_USER", "postgres"));
        login.setProperty("password", env("ASKFLOW_DB_PASSWORD", ""));
        login.setProperty("connectTimeout", "5");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection db = DriverManager.getConnection(url, login)) {
            if (exists(db, name)) {
                System.out.println("Database " + name + " exists at " + host + ":" + port + ".");
            } else {
                try (Statement create = db.createStatement()) {
                    create.execute("CREATE DATABASE \"" + name + "\"");
                }
                System.out.println("Created database " + name + " at " + host + ":" + port + ".");
            }
            return 0;
        } catch (SQLException e) {
            System.err.println("Could not create database " + name + " at " + host + ":" + port + " as "
                    + login.getProperty("user") + ": " + e.getMessage());
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
