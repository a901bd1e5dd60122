package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A datasets folder of the shared one's format, with the records a test gives. */
final class TestDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatasets() {
    }

    /**
     * @param consumerQuestions MEDIQA's {@code question} fields
     * @param medquad           MedQuAD's {@code focus} and {@code question}, in pairs
     */
    static Path write(Path folder, List<String> consumerQuestions, List<List<String>> medquad) throws IOException {
        Files.createDirectories(folder.resolve("mediqa-dev"));
        Files.createDirectories(folder.resolve("medquad"));
        StringBuilder mediqa = new StringBuilder();
        for (String question : consumerQuestions) {
            mediqa.append(JSON.writeValueAsString(Map.of("id", "validation-1", "question", question, "answers", List.of())))
                    .append('\n');
        }
        Files.writeString(folder.resolve("mediqa-dev/questions.jsonl"), mediqa);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("medquad/medquad.jsonl.gz")))) {
            for (List<String> record : medquad) {
                out.write((JSON.writeValueAsString(Map.of("focus", record.get(0), "question", record.get(1),
                        "answer", "")) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return folder;
    }
}
