package io.askflow.workflow.routing.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.Specialty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The labelled evaluation set: MEDIQA 2019 consumer questions (labels here, texts read from the shared
 * datasets folder, never copied into the project) and the team's own questions.
 */
final class LabelledQuestions {

    enum Split { TUNE, HELD_OUT }

    record Question(String id, String source, String title, String body, Specialty label) {

        /** Fixed before any tuning: a third of the ids, by CRC-32, is never looked at while writing keywords. */
        Split split() {
            CRC32 crc = new CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % 3 == 0 ? Split.HELD_OUT : Split.TUNE;
        }
    }

    private static final String MEDIQA = "mediqa-dev/questions.jsonl";

    private LabelledQuestions() {
    }

    static List<Question> team() {
        List<Question> questions = new ArrayList<>();
        for (String[] row : tsv("/routing/team-questions.tsv")) {
            questions.add(new Question(row[0], "team", row[2], row[3], Specialty.valueOf(row[1])));
        }
        return questions;
    }

    /** Empty when the datasets folder is absent (a checkout without ../shared). */
    static List<Question> mediqa() {
        Optional<Path> file = datasets().map(dir -> dir.resolve(MEDIQA)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return List.of();
        }
        Map<String, Specialty> labels = new HashMap<>();
        for (String[] row : tsv("/routing/mediqa-labels.tsv")) {
            labels.put(row[0], Specialty.valueOf(row[1]));
        }
        ObjectMapper json = new ObjectMapper();
        List<Question> questions = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file.get(), StandardCharsets.UTF_8)) {
            for (String line : lines.filter(l -> !l.isBlank()).toList()) {
                JsonNode node = json.readTree(line);
                String id = node.get("id").asText();
                Specialty label = labels.get(id);
                if (label == null) {
                    throw new IllegalStateException("no label for MEDIQA question " + id);
                }
                // MEDIQA has no separate title: the whole question is the body
                questions.add(new Question(id, "mediqa", "", node.get("question").asText(), label));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (questions.size() != labels.size()) {
            throw new IllegalStateException(labels.size() + " labels for " + questions.size() + " MEDIQA questions");
        }
        return questions;
    }

    /** ${ASKFLOW_DATASETS:-../shared/datasets}, relative to the project root (the module's parent). */
    static Optional<Path> datasets() {
        String configured = System.getenv("ASKFLOW_DATASETS");
        Stream<Path> candidates = configured != null && !configured.isBlank()
                ? Stream.of(Path.of(configured))
                : Stream.of(Path.of("../shared/datasets"), Path.of("../../shared/datasets"));
        return candidates.filter(Files::isDirectory).findFirst();
    }

    private static List<String[]> tsv(String resource) {
        InputStream in = LabelledQuestions.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
