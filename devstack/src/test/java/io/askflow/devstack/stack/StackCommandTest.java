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
