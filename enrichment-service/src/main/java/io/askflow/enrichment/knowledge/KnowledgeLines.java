package io.askflow.enrichment.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a JSON-lines knowledge file, plain or gzip (recognised by its magic bytes, not its name). */
final class KnowledgeLines {

    /**
     * A line read from the file (or a QA pair of an XML page): a record, or the reason it cannot be one.
     *
     * @param where   how to find it in the input, e.g. {@code line 12} or {@code 6_NINDS_QA/0000001.xml QAPair 2}
     * @param record  null if skipped
     * @param problem null if read
     */
    record Line(int number, String where, KnowledgeRecord record, String problem) {

        static Line read(int number, String where, KnowledgeRecord record) {
            return new Line(number, where, record, null);
        }

        static Line skipped(int number, String where, String problem) {
            return new Line(number, where, null, problem);
        }
    }

    interface LineHandler {
        void accept(Line line);
    }

    private final ObjectMapper json;

    KnowledgeLines(ObjectMapper json) {
        this.json = json;
    }

    void read(Path file, LineHandler handler) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    handler.accept(parse(number, text));
                }
            }
        }
    }

    private Line parse(int number, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            return Line.skipped(number, "line " + number, "not JSON");
        }
        if (node == null || !node.isObject()) {
            return Line.skipped(number, "line " + number, "not a JSON object");
        }
        String id = text(node, "id");
        String question = text(node, "question");
        if (id == null || id.isBlank()) {
            return Line.skipped(number, "line " + number, "no id");
        }
        if (question == null || question.isBlank()) {
            return Line.skipped(number, "line " + number, "no question");
        }
        return Line.read(number, "line " + number, new KnowledgeRecord(id.strip(), text(node, "source"),
                text(node, "url"), text(node, "focus"), texts(node, "synonyms"), text(node, "category"),
                text(node, "semanticGroup"), texts(node, "cuis"), text(node, "qtype"), question.strip(),
                text(node, "answer")));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> texts = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (!item.isNull() && !item.asText().isBlank()) {
                    texts.add(item.asText());
                }
            });
        }
        return texts;
    }
}
