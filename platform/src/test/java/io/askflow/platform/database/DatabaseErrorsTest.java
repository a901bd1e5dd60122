package io.askflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The services' JDBC URL, as the platform defines it, keeps row values out of error messages (and so out of logs). */
class DatabaseErrorsTest {

    private static final String ADDRESS = "patient.private@example.org";

    @Test
    void aUniqueViolationNamesTheConstraintNotTheValue() throws Exception {
        try (Connection connection = DriverManager.getConnection(platformUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("create temporary table contact (email text unique)");
            insert(connection);

            SQLException error = catchThrowableOfType(SQLException.class, () -> insert(connection));

            assertThat(error.getSQLState()).isEqualTo("23505");
            assertThat(error.getMessage()).contains("contact_email_key").doesNotContain(ADDRESS);
            assertThat(error.toString()).doesNotContain(ADDRESS);
        }
    }

    private static void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into contact (email) values (?)")) {
            insert.setString(1, ADDRESS);
            insert.executeUpdate();
        }
    }

    private static String platformUrl() throws IOException {
        Infrastructure db = Infrastructure.shared();
        Properties test = new Properties();
        test.setProperty("askflow.db.host", db.databaseHost());
        test.setProperty("askflow.db.port", String.valueOf(db.databasePort()));
        test.setProperty("askflow.db.name", db.databaseName());
        test.setProperty("askflow.db.schema", "public");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("test", test));
        environment.getPropertySources().addLast(new PropertiesPropertySource("platform",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("askflow-platform.properties"))));
        return environment.getRequiredProperty("spring.datasource.url");
    }

    private static String user() {
        return Infrastructure.shared().databaseUser();
    }

    private static String password() {
        return Infrastructure.shared().databasePassword();
    }
}
