package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionTextsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void aConsumerQuestionsSubjectBecomesTheTitleAndTheRestTheBody() {
        assertThat(QuestionTexts.consumerQuestion("achalasia. after surgery for achalasia, will spasms continue in "
                + "the upper chest area"))
                .hasValue(new QuestionText("achalasia.", "after surgery for achalasia, will spasms continue in the upper chest area"));
        // too little after the subject: the whole question is the body
        assertThat(QuestionTexts.consumerQuestion("Is my thyroid too slow? Thanks"))
                .hasValue(new QuestionText("Is my thyroid too slow?", "Is my thyroid too slow? Thanks"));
    }

    @Test
    void aLongSubjectIsCutAtAWordAndWhatCannotBeValidIsLeftOut() {
        String longSubject = "word ".repeat(40).strip() + ". and then the question itself, long enough";

        Optional<QuestionText> cut = QuestionTexts.consumerQuestion(longSubject);

        assertThat(cut).hasValueSatisfying(t -> {
            assertThat(t.title()).hasSizeLessThanOrEqualTo(QuestionTexts.TITLE_MAX).endsWith("word");
            assertThat(t.body()).isEqualTo("and then the question itself, long enough");
        });
        assertThat(QuestionTexts.consumerQuestion("Help. me")).isEmpty();
        assertThat(QuestionTexts.medquadQuestion("Flu", "What are the symptoms of Flu ?")).isEmpty();
        assertThat(QuestionTexts.medquadQuestion("Glaucoma", "What is Glaucoma")).isEmpty();
        assertThat(QuestionTexts.medquadQuestion("Glaucoma", "What are the symptoms of Glaucoma ?"))
                .hasValue(new QuestionText("Glaucoma", "What are the symptoms of Glaucoma ?"));
    }

    @Test
    void takesEveryConsumerQuestionThenDistinctMedquadOnesTheSameWayForTheSameSeed(@TempDir Path dir) throws Exception {
        Path datasets = TestDatasets.write(dir, List.of("Knee pain. My knee hurts when I climb stairs, what helps?",
                        "Hi. ok"),
                List.of(List.of("Glaucoma", "What are the symptoms of Glaucoma ?"),
                        List.of("Glaucoma", "What are the symptoms of Glaucoma ?"),
                        List.of("Asthma", "What are the treatments for Asthma ?"),
                        List.of("Gouty arthritis", "What causes gouty arthritis and who gets it ?")));

        List<QuestionText> texts = QuestionTexts.load(datasets, 7, 10, json, err);

        assertThat(texts).hasSize(4).doesNotHaveDuplicates()
                .contains(new QuestionText("Knee pain.", "My knee hurts when I climb stairs, what helps?"));
        assertThat(QuestionTexts.load(datasets, 7, 10, json, err)).isEqualTo(texts);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private String readQuestion(String line) {
        try {
            return json.readTree(line).path("question").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutTheDatasetsFolderTheBuiltInQuestionsAndAWarning(@TempDir Path dir) {
        List<QuestionText> texts = QuestionTexts.load(dir.resolve("missing"), 1, 100, json, err);

        assertThat(texts).isEqualTo(QuestionTexts.BUILT_IN);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("warning: no datasets at").contains("built-in");
    }

    @Test
    void theSharedDatasetsGiveAtLeastFiveHundredDistinctValidQuestions() throws Exception {
        Path shared = Path.of("../../shared/datasets").toAbsolutePath().normalize();
        assumeThat(Files.isDirectory(shared)).as("the shared datasets next to the repository").isTrue();

        List<QuestionText> texts = QuestionTexts.load(shared, 1, 200, json, err);

        assertThat(texts).hasSizeGreaterThanOrEqualTo(QuestionTexts.DISTINCT);
        assertThat(texts.stream().map(QuestionText::body).distinct()).hasSameSizeAs(texts);
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.title().strip().codePointCount(0, t.title().strip().length())).isBetween(5, 150);
            assertThat(t.body().strip().codePointCount(0, t.body().strip().length())).isBetween(20, 5000);
        });
        // MEDIQA's consumer questions are all there (a few cannot make a valid question)
        List<QuestionText> consumer = Files.readAllLines(shared.resolve("mediqa-dev/questions.jsonl")).stream()
                .map(line -> QuestionTexts.consumerQuestion(readQuestion(line))).flatMap(Optional::stream).distinct().toList();
        assertThat(consumer).hasSizeGreaterThan(150);
        assertThat(texts).containsAll(consumer);
        assertThat(QuestionTexts.load(shared, 2, 200, json, err)).isNotEqualTo(texts);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
