package io.askflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ObjectMapper every service's web layer and Kafka converter share refuses JSON beyond the platform's limits
 * (askflow-platform.properties), which Jackson's defaults would read: 65 levels deep, a string of a million and one
 * characters.
 */
@SpringBootTest(classes = JsonLimitsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.datasource.url=", "spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
class JsonLimitsTest {

    @Autowired ObjectMapper json;

    @Test
    void refusesDocumentsNestedDeeperThanTheLimit() {
        assertThatCode(() -> json.readTree(nested(64))).doesNotThrowAnyException();
        assertThatThrownBy(() -> json.readTree(nested(65))).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void refusesStringsLongerThanTheLimit() throws Exception {
        assertThat(json.readTree(string(1_000_000)).asText()).hasSize(1_000_000);
        assertThatThrownBy(() -> json.readTree(string(1_000_001))).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("String value length");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String string(int length) {
        return "\"" + "a".repeat(length) + "\"";
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
