package io.askflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its demo override, read as YAML (merge keys resolved, as compose does): no Docker engine
 * runs them on the build machines, so this is what keeps their security promises (README, "Containers").
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SPRING_SERVICES = Set.of("question-service", "reply-service", "workflow",
            "enrichment-service", "notification-service");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void productionRunsNoDemoProfile() throws IOException {
        Map<String, Map<String, Object>> services = services("docker-compose.yml");

        assertThat(services.keySet()).containsAll(SPRING_SERVICES).doesNotContain("mailpit");
        services.forEach((name, service) -> assertThat(environment(service)).as(name)
                .doesNotContainKey("SPRING_PROFILES_ACTIVE").doesNotContainKey("SPRING_PROFILES_INCLUDE"));
    }

    @Test
    void publishesOnlyThePatientAndDoctorSitesAndTheRestOnThisHostAtMost() throws IOException {
        Map<String, Map<String, Object>> services = services("docker-compose.yml");

        services.forEach((name, service) -> {
            List<String> ports = ports(service);
            if (name.equals("question-service")) {
                assertThat(ports).containsExactly("8080:8080");
            } else if (name.equals("reply-service")) {
                assertThat(ports).containsExactly("8081:8081");
            } else {
                assertThat(ports).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });
        for (String internal : List.of("postgres", "kafka", "enrichment-service")) {
            assertThat(ports(services.get(internal))).as(internal).isEmpty();
        }
    }

    @Test
    void secretsComeFromTheEnvironmentAndTheRequiredOnesMustBeSet() throws IOException {
        Map<String, Map<String, Object>> services = services("docker-compose.yml");

        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (key.contains("PASSWORD") || key.contains("SECRET")) {
                assertThat(value).as(name + " " + key).matches("\\$\\{[A-Z0-9_]+:[?-][^}]*}");
            }
        }));
        for (String required : List.of("ASKFLOW_DB_PASSWORD", "ASKFLOW_ADMIN_PASSWORD", "ASKFLOW_PUBLIC_URL")) {
            for (String name : SPRING_SERVICES) {
                assertThat(environment(services.get(name)).get(required)).as(name + " " + required)
                        .startsWith("${" + required + ":?");
            }
        }
        assertThat(environment(services.get("notification-service")).get("ASKFLOW_MAIL_UNSUBSCRIBE_SECRET"))
                .startsWith("${ASKFLOW_MAIL_UNSUBSCRIBE_SECRET:?");
        assertThat(environment(services.get("postgres")).get("POSTGRES_PASSWORD"))
                .startsWith("${ASKFLOW_DB_PASSWORD:?");
    }

    @Test
    void envExampleDocumentsEveryVariableComposeReadsAndHoldsNoSecret() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        List<String> settings = Files.readAllLines(ROOT.resolve(".env.example")).stream()
                .filter(line -> line.matches("[A-Z0-9_]+=.*")).toList();

        assertThat(settings).extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactlyInAnyOrderElementsOf(read);
        assertThat(settings).filteredOn(line -> line.matches(".*(PASSWORD|SECRET)=.*"))
                .isNotEmpty().allMatch(line -> line.endsWith("="));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void theDemoIsAnOptInOverrideWithItsMailPageOnThisHostOnly() throws IOException {
        Map<String, Map<String, Object>> demo = services("docker-compose.demo.yml");

        for (String name : SPRING_SERVICES) {
            assertThat(environment(demo.get(name))).as(name).containsEntry("SPRING_PROFILES_ACTIVE", "demo");
            assertThat(ports(demo.get(name))).as(name + " publishes nothing more").isEmpty();
        }
        assertThat(ports(demo.get("mailpit"))).containsExactly("127.0.0.1:8025:8025");
        assertThat(environment(demo.get("notification-service"))).containsEntry("ASKFLOW_SMTP_HOST", "mailpit");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve(file)));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
        return environment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }
}
