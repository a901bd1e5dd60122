package io.askflow.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionProgressed;
import io.askflow.events.QuestionRouted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient in a real browser (Debian's headless Chromium): asks with the keyboard only, is greeted on the
 * tracking page, reads the reply there and on the public page. Screenshots go to {@code target/screenshots/}.
 */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class PatientBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=430,2400");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPatientAsksWithTheKeyboardAndFollowsTheQuestionToItsPublicPage() throws IOException {
        String marker = Patients.marker();
        browser.get("http://127.0.0.1:" + port + "/ask");
        assertEveryFieldIsLabelled();
        screenshot("ask-form.png");

        // keyboard only: Tab from the top of the page to the first field, then through the whole form
        for (int i = 0; i < 10 && !"nickname".equals(focused()); i++) {
            active().sendKeys(Keys.TAB);
        }
        assertThat(focused()).isEqualTo("nickname");
        active().sendKeys("Mei", Keys.TAB);
        active().sendKeys("mei." + marker + "@example.org", Keys.TAB);
        active().sendKeys("3", Keys.TAB);                                // the age list jumps to 30~39
        active().sendKeys(Keys.SPACE, Keys.TAB);                         // the first gender: female
        active().sendKeys("Neurology", Keys.TAB);
        active().sendKeys("Left eye will not close " + marker, Keys.TAB);
        active().sendKeys("Since this morning I cannot close my left eye and my smile is crooked.", Keys.TAB);
        active().sendKeys(Keys.SPACE, Keys.TAB);                         // consent to publish
        active().sendKeys(Keys.ENTER);

        // the key press returns before the redirect has landed, the more so on a busy machine
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.getCurrentUrl()).contains("/track/"));
        assertThat(text()).contains("Thank you, your question was received.").contains("Left eye will not close " + marker)
                .contains("Seek care now");                             // a crooked smile is a stroke sign
        screenshot("track-new.png");

        UUID id = jdbc.queryForObject("select id from question where title = ?", UUID.class,
                "Left eye will not close " + marker);
        assertThat(jdbc.queryForMap("select age_range, gender, requested_specialty, consent_to_publish from question where id = ?", id))
                .containsEntry("age_range", "FROM_30_TO_39").containsEntry("gender", "FEMALE")
                .containsEntry("requested_specialty", "NEUROLOGY").containsEntry("consent_to_publish", true);
        answer(id);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text()).contains("Dr. Ye reply Neurology").contains("Related FAQ")
                    .contains("ROUTED").contains("CLAIMED").contains("REPLIED").contains("ENRICHED");
        });
        assertThat(text()).doesNotContain("Thank you, your question was received.").doesNotContain("@example.org");
        screenshot("track-answered.png");

        browser.findElement(By.linkText("Your answered question in the archive")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(text()).contains("Ask Date"));
        String page = text();
        assertThat(page).contains("Left eye will not close " + marker, "Ask Date", "Dr. Ye reply", "Reply Date",
                "More Info", "Similar Q&A", "Related FAQ", "not a diagnosis").doesNotContain("@example.org");
        assertEveryFieldIsLabelled();
        screenshot("public-qa.png");

        // the patient changes their mind: the public page goes at once
        String publicPage = browser.getCurrentUrl();
        browser.navigate().back();
        browser.findElement(By.xpath("//button[normalize-space()='Do not publish my question']")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(text()).contains("Your question will not be published").contains("Not published"));
        browser.get(publicPage);
        assertThat(text()).contains("Page not found").doesNotContain("Left eye will not close " + marker);
    }

    @Test
    void theFormSuggestsEarlierAnswersAndASpecialtyAndTheQuestionCanBeWithdrawn() throws IOException {
        String marker = Patients.marker();
        browser.get("http://127.0.0.1:" + port + "/ask");
        assertThat(browser.findElement(By.id("similar-answers")).isDisplayed()).isFalse();

        browser.findElement(By.id("title")).sendKeys("Bell's palsy? My face droops " + marker);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.id("similar-answers")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.cssSelector("#similar-answers li"))).hasSize(5);
            assertThat(browser.findElement(By.id("specialty-suggestion")).getText()).contains("Choose Neurology");
        });
        String hints = browser.findElement(By.id("similar-answers")).getText();
        assertThat(hints).contains("Sudden weakness on the left side of my face").contains("<script>alert(1)</script> palsy");
        assertThat(browser.findElements(By.cssSelector("#similar-answers a[href^='javascript']"))).isEmpty();
        screenshot("ask-form-hints.png");

        browser.findElement(By.xpath("//button[normalize-space()='Choose Neurology']")).click();
        assertThat(browser.findElement(By.id("specialty")).getAttribute("value")).isEqualTo("neurology");
        browser.findElement(By.id("nickname")).sendKeys("Mei");
        browser.findElement(By.id("email")).sendKeys("mei." + marker + "@example.org");
        browser.findElement(By.id("ageRange")).sendKeys("3");
        browser.findElement(By.id("gender1")).click();
        browser.findElement(By.id("body")).sendKeys("Since yesterday I cannot wrinkle my forehead on the left side.");
        browser.findElement(By.xpath("//button[normalize-space()='Send my question']")).click();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(text()).contains("Thank you, your question was received."));
        browser.findElement(By.xpath("//button[normalize-space()='Withdraw my question']")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(text()).contains("Your question is withdrawn.")
                        .contains("Withdrawn: this question will not be answered.").contains("WITHDRAWN"));
        screenshot("track-withdrawn.png");
    }

    /** The question's journey as question-service hears of it: ASKED from the workflow, the rest from its events. */
    private void answer(UUID id) {
        Instant t = Instant.now();
        ReplyPosted reply = new ReplyPosted(UUID.randomUUID(), id, t.plusSeconds(2), UUID.randomUUID(),
                UUID.randomUUID(), "Dr. Ye", Specialty.NEUROLOGY, "Dear Mei, a face that droops on one side with an "
                + "eye that will not close is most often Bell's palsy, a weakness of the facial nerve. Because a "
                + "stroke can look alike, please see a doctor today; steroids started within three days help most.");
        probe.send(new QuestionProgressed(UUID.randomUUID(), id, t, Step.ASKED, t, Specialty.NEUROLOGY, null));
        probe.send(new QuestionRouted(UUID.randomUUID(), id, t, Specialty.NEUROLOGY, RoutedBy.PATIENT, 50,
                t.plus(Duration.ofHours(24)), t.plus(Duration.ofHours(72))));
        probe.send(new QuestionClaimed(UUID.randomUUID(), id, t.plusSeconds(1), UUID.randomUUID(), "Dr. Ye",
                Specialty.NEUROLOGY));
        probe.send(reply);
        probe.send(new ReplyEnriched(UUID.randomUUID(), id, t.plusSeconds(3), reply.replyId(),
                List.of(new MoreInfo("Bell's palsy", "Bell's palsy causes sudden weakness of the muscles on one side "
                        + "of the face. Most people recover fully within six months.", "MedlinePlus",
                        "https://medlineplus.gov/bellspalsy.html")),
                List.of(new SimilarQuestion(UUID.randomUUID().toString(), "KNOWLEDGE", "What is Bell's palsy?",
                        "What is Bell's palsy and how is it treated?", null, Specialty.NEUROLOGY,
                        "Bell's palsy is a form of temporary facial paralysis.", "MedQuAD (NINDS)",
                        "https://www.ninds.nih.gov/health-information/disorders/bells-palsy")),
                List.of(new RelatedFaq("Facial Nerve Palsy", Specialty.NEUROLOGY, "facial-nerve-palsy"))));
    }

    private void assertEveryFieldIsLabelled() {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(e => e.labels.length === 0).map(e => e.name);""");
        assertThat((List<?>) unlabelled).isEmpty();
        assertThat(browser.findElements(By.tagName("main"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
    }

    private org.openqa.selenium.WebElement active() {
        return browser.switchTo().activeElement();
    }

    private String focused() {
        return active().getAttribute("id");
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
