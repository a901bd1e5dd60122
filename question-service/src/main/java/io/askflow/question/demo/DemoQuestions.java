package io.askflow.question.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.question.Enrichment;
import io.askflow.question.Question;
import io.askflow.question.QuestionRepository;
import io.askflow.question.Reply;
import io.askflow.question.TimelineStep;
import io.askflow.question.track.TrackingRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's archive: answered questions written by the Askflow team ({@code demo/questions.json}),
 * so that a new user of {@code ./askflow up} sees a living archive. They exist only here (they never went
 * through the process). Fixed ids make loading idempotent: a question already there, even one whose consent
 * was withdrawn since, is left as it is.
 */
@Component
@Profile("demo")
class DemoQuestions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQuestions.class);
    static final String RESOURCE = "demo/questions.json";
    private static final int SNIPPET = 160;

    /** One demo question and its answer, as written in the resource. */
    record Demo(UUID id, String nickname, String ageRange, String gender, Specialty specialty, String title,
                String body, boolean urgent, OffsetDateTime askedAt, String doctor, OffsetDateTime repliedAt,
                String reply, List<MoreInfo> moreInfo, List<Faq> relatedFaq, List<UUID> similar) {
    }

    record Faq(String title, String slug) {
    }

    private final QuestionRepository questions;
    private final TrackingRepository tracking;
    private final TransactionTemplate transactions;
    private final List<Demo> demos;
    private final SecureRandom random = new SecureRandom();

    DemoQuestions(QuestionRepository questions, TrackingRepository tracking, TransactionTemplate transactions,
                  ObjectMapper json) {
        this.questions = questions;
        this.tracking = tracking;
        this.transactions = transactions;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.demos = List.copyOf(json.readValue(in, new TypeReference<List<Demo>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = load();
        log.info("Demo archive: {} of {} demo questions added", added, demos.size());
    }

    /** Adds the demo questions that are not there yet; how many it added. */
    long load() {
        Map<UUID, Demo> byId = demos.stream().collect(Collectors.toMap(Demo::id, Function.identity()));
        return demos.stream().filter(demo -> Boolean.TRUE.equals(transactions.execute(tx -> add(demo, byId)))).count();
    }

    private boolean add(Demo d, Map<UUID, Demo> byId) {
        Instant asked = d.askedAt().toInstant();
        Instant replied = d.repliedAt().toInstant();
        var question = new Question(d.id(), newToken(), d.nickname(), "demo@askflow.invalid",
                AgeRange.fromLabel(d.ageRange()).orElseThrow(), Gender.fromLabel(d.gender()).orElseThrow(),
                d.specialty(), d.title(), d.body(), "en", true, d.urgent(), Step.NOTIFIED, asked, null, null, null, null);
        if (!questions.insertIfAbsent(question)) {
            return false;
        }
        UUID doctorId = UUID.nameUUIDFromBytes(("askflow-demo-doctor:" + d.doctor()).getBytes(StandardCharsets.UTF_8));
        UUID replyId = UUID.nameUUIDFromBytes(("askflow-demo-reply:" + d.id()).getBytes(StandardCharsets.UTF_8));
        Instant routed = asked.plus(Duration.ofMinutes(2));
        tracking.route(d.id(), d.specialty(), routed);
        tracking.reply(d.id(), new Reply(replyId, d.reply(), d.doctor(), d.specialty(), replied), doctorId);
        tracking.enrich(d.id(), new Enrichment(d.moreInfo(),
                d.similar() == null ? List.of() : d.similar().stream().map(byId::get).map(this::similar).toList(),
                d.relatedFaq() == null ? List.of() : d.relatedFaq().stream()
                        .map(faq -> new RelatedFaq(faq.title(), d.specialty(), faq.slug())).toList()),
                replied.plus(Duration.ofMinutes(1)));
        Instant claimed = asked.plus(Duration.between(asked, replied).dividedBy(2));
        Map<Step, Instant> steps = Map.of(Step.ASKED, asked, Step.ROUTED, routed, Step.CLAIMED, claimed,
                Step.REPLIED, replied, Step.ENRICHED, replied.plus(Duration.ofMinutes(1)),
                Step.NOTIFIED, replied.plus(Duration.ofMinutes(2)));
        steps.forEach((step, at) -> tracking.addStep(d.id(), new TimelineStep(step, at)));
        return true;
    }

    private SimilarQuestion similar(Demo other) {
        return new SimilarQuestion(other.id().toString(), SimilarQuestion.QUESTION, other.title(),
                snippet(other.body()), other.doctor(), other.specialty(), snippet(other.reply()), "Askflow", null);
    }

    private static String snippet(String text) {
        if (text.length() <= SNIPPET) {
            return text;
        }
        String cut = text.substring(0, SNIPPET);
        return cut.substring(0, Math.max(cut.lastIndexOf(' '), SNIPPET / 2)) + "…";
    }

    /** Demo tracking links are as unguessable as real ones; a restart keeps the first. */
    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
