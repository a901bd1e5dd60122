package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The bench's questions: real ones from the datasets folder, so that per-question work such as search and text
 * analysis is measured on varied text. All of MEDIQA's consumer questions (written by the public, long and
 * misspelled), then MedQuAD's questions (title: their focus) up to at least {@link #DISTINCT} distinct texts, or
 * one per bench question if more are asked for; the choice and the order depend on the seed only.
 */
final class QuestionTexts {

    static final int DISTINCT = 500;
    // question-service's limits (AskForm), counted as it counts them: code points after stripping
    static final int TITLE_MIN = 5;
    static final int TITLE_MAX = 150;
    static final int BODY_MIN = 20;
    static final int BODY_MAX = 5000;

    /** A patient's subject line ends at the first sentence's end. */
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.?!:])\\s+(.*)$", Pattern.DOTALL);

    /** Used only without the datasets folder. */
    static final List<QuestionText> BUILT_IN = List.of(
            new QuestionText("Numbness in my left hand at night", "For about three weeks my left hand goes numb at "
                    + "night and wakes me up. Shaking it helps after a few minutes. I work at a computer all day. "
                    + "Should I worry?"),
            new QuestionText("Headaches that get worse in the afternoon", "I have had a dull headache most days for a "
                    + "month. It starts around noon and is worst by evening. Painkillers help a little. What could "
                    + "cause this?"),
            new QuestionText("Dizziness when I stand up quickly", "When I get up from bed or a chair the room spins "
                    + "for a few seconds. It has happened more often this month. I am otherwise healthy. Is this "
                    + "dangerous?"),
            new QuestionText("Cough that will not go away after a cold", "I had a cold five weeks ago. Everything "
                    + "cleared up except a dry cough, worse at night. No fever. Do I need an X-ray or will it pass?"));

    private QuestionTexts() {
    }

    /**
     * @param wanted how many questions the bench asks; with fewer distinct texts they repeat in turn
     * @param err    where a missing datasets folder is said
     */
    static List<QuestionText> load(Path datasets, long seed, int wanted, ObjectMapper json, PrintStream err) {
        Path mediqa = datasets.resolve("mediqa-dev/questions.jsonl");
        Path medquad = datasets.resolve("medquad/medquad.jsonl.gz");
        if (!Files.isReadable(mediqa) || !Files.isReadable(medquad)) {
            err.println("warning: no datasets at " + datasets + " (ASKFLOW_DATASETS): the bench asks "
                    + BUILT_IN.size() + " built-in questions over and over, so search and text analysis are measured on "
                    + "repeated text");
            return BUILT_IN;
        }
        try {
            Set<String> seen = new HashSet<>();
            List<QuestionText> texts = new ArrayList<>();
            forEach(Files.newInputStream(mediqa), json, record -> consumerQuestion(record.path("question").asText(""))
                    .filter(t -> seen.add(key(t))).ifPresent(texts::add));
            List<QuestionText> more = new ArrayList<>();
            forEach(new GZIPInputStream(Files.newInputStream(medquad)), json, record -> medquadQuestion(
                    record.path("focus").asText(""), record.path("question").asText(""))
                    .filter(t -> seen.add(key(t))).ifPresent(more::add));
            Random random = new Random(seed);
            Collections.shuffle(more, random);
            int total = Math.max(DISTINCT, wanted);
            texts.addAll(more.subList(0, Math.max(0, Math.min(more.size(), total - texts.size()))));
            Collections.shuffle(texts, random);
            return List.copyOf(texts);
        } catch (IOException e) {
            err.println("warning: could not read the datasets at " + datasets + " (" + e + "): the bench asks "
                    + BUILT_IN.size() + " built-in questions over and over");
            return BUILT_IN;
        }
    }

    /**
     * A MEDIQA question as its writer sent it: the subject before the first sentence's end becomes the title (cut at
     * a word if longer than a title may be), the rest the body; a question with too little after the subject is
     * sent whole as the body. Empty when it cannot make a valid question.
     */
    static Optional<QuestionText> consumerQuestion(String question) {
        String text = question.strip();
        Matcher sentence = FIRST_SENTENCE.matcher(text);
        String title = sentence.matches() ? sentence.group(1).strip() : text;
        String rest = sentence.matches() ? sentence.group(2).strip() : "";
        String body = length(rest) >= BODY_MIN ? rest : text;
        return valid(shorten(title), body);
    }

    /** A MedQuAD question under its focus (the disease or drug it is about) as the title. */
    static Optional<QuestionText> medquadQuestion(String focus, String question) {
        return valid(shorten(focus.strip()), question.strip());
    }

    private static Optional<QuestionText> valid(String title, String body) {
        int titleLength = length(title);
        int bodyLength = length(body);
        return titleLength >= TITLE_MIN && titleLength <= TITLE_MAX && bodyLength >= BODY_MIN && bodyLength <= BODY_MAX
                ? Optional.of(new QuestionText(title, body)) : Optional.empty();
    }

    /** Cut at the last space that keeps it within {@link #TITLE_MAX}, or hard there without one. */
    private static String shorten(String title) {
        if (length(title) <= TITLE_MAX) {
            return title;
        }
        String cut = title.substring(0, title.offsetByCodePoints(0, TITLE_MAX));
        int space = cut.lastIndexOf(' ');
        return (space >= TITLE_MIN ? cut.substring(0, space) : cut).strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String key(QuestionText text) {
        return text.body().toLowerCase(Locale.ROOT);
    }

    /** One JSON object a line, each handed on as it is read: MedQuAD's answers make the whole file large. */
    private static void forEach(InputStream in, ObjectMapper json, Consumer<JsonNode> each) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(json.readTree(line));
                }
            }
        }
    }
}
