package io.askflow.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.testsupport.AskflowIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code eval-similar} end to end: judged questions in MEDIQA's format, written for this test, go through the
 * service's own search over records imported for it.
 */
@AskflowIntegrationTest
class SimilarEvaluationTest {

    private static final String DOC = "EVAL_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired KnowledgeImport knowledgeImport;
    @Autowired PageRanking ranking;
    @Autowired ObjectMapper json;
    @TempDir Path folder;

    @Test
    void measuresEachHalfOverTheQuestionsWithAGoodPage() throws IOException {
        Path knowledge = folder.resolve("knowledge.jsonl");
        Files.writeString(knowledge, String.join("\n",
                record("1", "Frostbite", "Fingers and toes go numb and white after hours in the cold."),
                record("2", "Trench foot", "Feet kept wet and cold for days swell and hurt."),
                record("3", "Snow blindness", "Eyes hurt and water after sun on snow.")));
        knowledgeImport.importFile(knowledge, line -> { });
        Path questions = folder.resolve("questions.jsonl");
        Files.writeString(questions, String.join("\n",
                // half A: a hit at rank 1
                question("a1", "my fingers went numb and white after skiing, is it frostbite?", judged("1", 4)),
                // not counted: nothing judged 3 or 4
                question("x", "what is trench foot", judged("2", 2)),
                // half B: a hit at rank 1
                question("b1", "feet wet for days on a hike, could it be trench foot", judged("2", 3)),
                // half A: the page found first was judged poor, and the good one is not found at all
                question("a2", "snow blindness from skiing without goggles", judged("3", 1) + ", " + judged("1", 4))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new SimilarEvaluation(ranking, json).run(questions, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("half A (tuning):   questions   2   hit@1 0.500 (95% 0.09-0.91)   hit@5 0.500"
                + "   MRR@10 0.500   judged-only hit@1 0.500");
        assertThat(output).contains("half B (held out): questions   1   hit@1 1.000");
        assertThat(output).contains("all:               questions   3   hit@1 0.667");
        assertThat(output).containsPattern("single-client search latency: p50 \\d+\\.\\d ms");
    }

    private static String record(String page, String focus, String answer) {
        return """
                {"id": "%s%s_Sec1", "source": "TEST", "url": "https://example.org/%s", "focus": "%s", \
                "question": "What is (are) %s ?", "answer": "%s"}""".formatted(DOC, page, page, focus, focus, answer);
    }

    private static String judged(String page, int score) {
        return """
                {"url": "https://example.org/%s", "referenceScore": %d, "medquadDocIds": ["%s%s"]}"""
                .formatted(page, score, DOC, page);
    }

    private static String question(String id, String text, String answers) {
        return """
                {"id": "%s", "question": "%s", "answers": [%s]}""".formatted(id, text, answers);
    }
}
