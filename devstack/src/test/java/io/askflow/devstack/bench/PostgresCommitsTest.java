package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.devstack.stack.StackSettings;
import io.askflow.testsupport.Infrastructure;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresCommitsTest {

    private final Infrastructure db = Infrastructure.shared();

    @Test
    void countsTheTransactionsCommittedInTheDatabase() throws Exception {
        PostgresCommits commits = new PostgresCommits(new StackSettings.Database(db.databaseHost(), db.databasePort(),
                db.databaseName(), db.databaseUser(), db.databasePassword()));
        long before = commits.committed().orElseThrow();

        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("public"), db.databaseUser(),
                db.databasePassword()); Statement statement = connection.createStatement()) {
            for (int i = 0; i < 25; i++) {
                statement.execute("SELECT " + i);
            }
        }

        // each backend flushes its counts when idle or done, so they arrive with a delay
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(commits.committed()).hasValueSatisfying(after -> assertThat(after - before).isGreaterThanOrEqualTo(25)));
    }

    @Test
    void aDatabaseThatCannotBeReachedGivesNoReading() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(new PostgresCommits(new StackSettings.Database("127.0.0.1", closedPort, "askflow", "postgres", ""))
                .committed()).isEmpty();
    }
}
