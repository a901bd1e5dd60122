package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.devstack.stack.TestStacks.Captured;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as ./askflow hands them over, on a stack of the test's own (the SMTP catcher is in this module). */
class StackCommandTest {

    @TempDir
    Path root;

    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private StackCommand commands;

    @BeforeEach
    void wire() {
        commands = new StackCommand(TestStacks.settings(root, Map.of()), out.stream, err.stream);
    }

    @AfterEach
    void down() {
        commands.execute("down", List.of());
    }

    @Test
    void startsStatusesAndStopsOneComponent() throws Exception {
        assertThat(commands.execute("start", List.of("smtp"))).isZero();
        assertThat(out.text()).endsWith("smtp is up.\n");

        commands.execute("status", List.of("--json"));
        JsonNode status = new ObjectMapper().readTree(out.text().substring(out.text().indexOf('{')));
        assertThat(status.path("components")).hasSize(7);
        assertThat(status.path("components").findValuesAsText("name")).containsExactly("kafka", "smtp",
                "question-service", "reply-service", "workflow", "enrichment-service", "notification-service");
        JsonNode smtp = status.path("components").get(1);
        assertThat(smtp.path("state").asText()).isEqualTo("up");
        assertThat(smtp.path("pid").isNumber()).isTrue();
        assertThat(status.path("components").get(0).path("pid").isNull()).isTrue();
        assertThat(status.path("components").get(0).path("state").asText()).isEqualTo("down");

        commands.execute("stop", List.of("smtp"));
        assertThat(out.text()).contains("Stopping smtp (pid " + smtp.path("pid").asLong() + ")");

        commands.execute("stop", List.of("smtp"));
        assertThat(out.text()).endsWith("smtp is not running.\n");
    }

    @Test
    void asksForOneOfTheComponentsByName() {
        assertThatThrownBy(() -> commands.execute("start", List.of("kafak")))
                .hasMessage("start what? one of: kafka smtp question-service reply-service workflow "
                        + "enrichment-service notification-service");
        assertThatThrownBy(() -> commands.execute("logs", List.of("smtp")))
                .hasMessage("no log yet: .askflow/logs/smtp.log");
        assertThatThrownBy(() -> commands.execute("up", List.of("--fast")))
                .hasMessage("unknown option for up: --fast (see ./askflow help)");
        assertThatThrownBy(() -> commands.execute("up", List.of("--instances", "two")))
                .hasMessage("--instances takes a number, not 'two'");
        assertThatThrownBy(() -> commands.execute("up", List.of("--instances=12")))
                .hasMessage("--instances must be from 1 to 9, not 12");
    }

    @Test
    void listsAndNamesEveryInstanceTheLastUpStarted() throws Exception {
        StackSettings settings = TestStacks.settings(root, Map.of());
        Stack.recordInstances(settings, 2);
        commands = new StackCommand(settings, out.stream, err.stream);

        commands.execute("status", List.of("--json"));

        JsonNode status = new ObjectMapper().readTree(out.text());
        assertThat(status.path("components")).hasSize(12);
        JsonNode second = status.path("components").get(7);
        assertThat(second.path("name").asText()).isEqualTo("workflow-2");
        assertThat(second.path("service").asText()).isEqualTo("workflow");
        assertThat(second.path("instance").asInt()).isEqualTo(2);
        assertThat(second.path("port").asInt()).isEqualTo(8182);
        assertThat(second.path("state").asText()).isEqualTo("down");
        commands.execute("stop", List.of("workflow-2"));
        assertThat(out.text()).endsWith("workflow-2 is not running.\n");
        assertThatThrownBy(() -> commands.execute("logs", List.of("workflow-3")))
                .hasMessageStartingWith("logs of what? one of: kafka smtp question-service question-service-2 ");
    }

    @Test
    void namesTheFileAnEnrichmentCommandCannotRead() {
        assertThatThrownBy(() -> commands.execute("import-knowledge", List.of()))
                .hasMessage("usage: ./askflow import-knowledge FILE|FOLDER (JSON lines, plain or .gz; or MedQuAD's XML folders)");
        assertThatThrownBy(() -> commands.execute("import-knowledge", List.of(root.resolve("none.jsonl").toString())))
                .hasMessage("no such file or folder: " + root.resolve("none.jsonl"));
        assertThatThrownBy(() -> commands.execute("eval-similar", List.of(root.resolve("none.jsonl").toString())))
                .hasMessage("no such file: " + root.resolve("none.jsonl"));
    }
}
