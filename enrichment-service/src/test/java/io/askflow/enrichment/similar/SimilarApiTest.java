package io.askflow.enrichment.similar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.testsupport.AskflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@AskflowIntegrationTest
class SimilarApiTest {

    private static final String PATIENT_QUESTION = "Every morning when I get out of bed the first steps hurt a lot "
            + "under my heel, like a knife, it gets better after walking a bit. What is this and how do I treat it?";

    @Autowired MockMvc mvc;
    @Autowired KnowledgeImport knowledgeImport;
    @TempDir Path folder;

    /** One set of records for the class: re-importing them before each test changes nothing. */
    private static final String DOC = "SIM_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void knowledge() throws IOException {
        Path file = folder.resolve("knowledge.jsonl");
        Files.writeString(file, String.join("\n",
                record("1", "Plantar fasciitis", "Heel spur syndrome", "information",
                        "What is (are) Plantar fasciitis ?",
                        "Plantar fasciitis is inflammation of the thick tissue on the bottom of the foot. It causes "
                                + "heel pain that is often worst with the first steps in the morning. Resting, "
                                + "stretching and supportive shoes help most people."),
                record("2", "Tinnitus", "Ringing in the ears", "information", "What is (are) Tinnitus ?",
                        "Tinnitus is hearing ringing, buzzing or hissing in the ears without an outside sound."),
                record("3", "Gout", "Gouty arthritis", "treatment", "What are the treatments for Gout ?",
                        "Gout attacks are treated with anti-inflammatory medicines. The big toe is often swollen.")));
        knowledgeImport.importFile(file, line -> { });
    }

    @Test
    void findsTheRightRecordForAParaphrasedQuestion() throws Exception {
        mvc.perform(get("/api/similar").param("q", PATIENT_QUESTION).param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(DOC + "1_Sec1"))
                .andExpect(jsonPath("$[0].kind").value("KNOWLEDGE"))
                .andExpect(jsonPath("$[0].source").value("TEST"))
                .andExpect(jsonPath("$[0].url").value("https://example.org/" + DOC + "1"))
                .andExpect(jsonPath("$[0].snippet").value(containsString("first steps in the morning.")))
                .andExpect(jsonPath("$[0].snippetHtml").value(containsString("<mark>")));
    }

    @Test
    void postDoesTheSameAndTheSpecialtyOnlyBoosts() throws Exception {
        mvc.perform(post("/api/similar").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"ringing in my ears at night\", \"specialty\": \"dermatology\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(DOC + "2_Sec1"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        mvc.perform(post("/api/similar").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + "ringing ".repeat(9 * 1024) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Request too large"));
    }

    @Test
    void emptyOrOversizeQuestionsAre400Problems() throws Exception {
        mvc.perform(get("/api/similar").param("q", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/similar"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/similar").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + "a".repeat(5001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("must be at most 5000")));
    }

    @Test
    void aLongQuestionOfFiveThousandCharactersIsAnswered() throws Exception {
        String longQuestion = (PATIENT_QUESTION + " ").repeat(40).substring(0, 5000);
        mvc.perform(get("/api/similar").param("q", longQuestion))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(DOC + "1_Sec1")));
    }

    @Test
    void querySyntaxCharactersAreJustText() throws Exception {
        for (String q : new String[] {"\"(*:", "heel) AND (pain* OR \"gout", "tinnitus~2 ^3 [a TO z] {!} / \\ ? -+&&||"}) {
            mvc.perform(get("/api/similar").param("q", q)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/similar").param("q", "gout* (big toe"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(DOC + "3_Sec1"));
    }

    private String record(String section, String focus, String synonym, String qtype, String question,
                          String answer) {
        return """
                {"id": "%s%s_Sec1", "source": "TEST", "url": "https://example.org/%s%s", "focus": "%s", \
                "synonyms": ["%s"], "qtype": "%s", "question": "%s", "answer": "%s"}""".formatted(DOC, section,
                DOC, section, focus, synonym, qtype, question, answer);
    }
}
