package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * Two doctors of one specialty in Debian's headless Chromium, on a real port: a question arrives while their
 * queues are open and shows up without a reload; Dr. Ye claims it, previews and sends a reply, and it leaves
 * Dr. Lin's queue. The two doctors use two host names (127.0.0.1 and localhost), so one browser keeps two
 * separate sessions. Screenshots go to {@code target/screenshots/}.
 */
@AskflowIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(Scenario.class)
class DoctorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPLY = "Dear Mei, an eye that will not close with a crooked smile is most often "
            + "Bell's palsy, a weakness of the facial nerve. Because a stroke can look alike, please see a doctor "
            + "today; steroids started within three days help most.";

    @LocalServerPort int port;
    @Autowired KafkaProbe kafka;
    @Autowired Scenario scenario;
    @Autowired QueueItems items;

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium at " + CHROMIUM);
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "needs Debian's chromium-driver at " + CHROMEDRIVER);
        profile = Files.createTempDirectory("askflow-chromium-");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aNewQuestionAppearsLiveIsClaimedAnsweredAndLeavesTheOtherDoctorsQueue() throws IOException {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        String yeTab = browser.getWindowHandle();
        logIn("http://127.0.0.1:" + port, ye);
        browser.switchTo().newWindow(WindowType.TAB);
        String linTab = browser.getWindowHandle();
        logIn("http://localhost:" + port, lin);

        QuestionSubmitted question = question("Left eye will not close " + UUID.randomUUID().toString()
                .substring(0, 8));
        UUID id = question.questionId();
        kafka.send(question);
        kafka.send(Fixtures.questionRouted(id, Specialty.NEUROLOGY));

        for (String tab : List.of(linTab, yeTab)) {
            browser.switchTo().window(tab);
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(row(id).getText()).contains(question.title(), "30~39, female", "Neurology"));
            assertThat(stillTheSamePage()).as("no reload").isTrue();
            assertThat(liveMode()).isEqualTo("live");
        }
        screenshot("queue.png");

        // each click below submits a form: wait for the next page to land, the more so on a busy machine
        row(id).findElement(By.tagName("button")).click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.getCurrentUrl()).endsWith("/questions/" + id);
            assertThat(text()).contains("You hold this question now.", question.body());
        });
        browser.findElement(By.id("body")).sendKeys(REPLY);
        browser.findElement(By.id("preview-button")).click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("preview")).getText()).isEqualTo(REPLY));
        screenshot("reply-preview.png");

        browser.findElement(By.id("send")).click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(text()).contains("Reply sent. The patient will get an email."));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("ANSWERED");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.ANSWERED);
        screenshot("reply-sent.png");

        browser.switchTo().window(linTab);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector(rowSelector(id)))).isEmpty());
        assertThat(stillTheSamePage()).as("no reload").isTrue();
        assertThat(text()).doesNotContain(question.title());
        screenshot("queue-second-doctor.png");
    }

    /** Logs in on this host and marks the queue page, so a reload would show. */
    private void logIn(String baseUrl, Doctor doctor) {
        browser.get(baseUrl + "/queue");
        browser.findElement(By.id("username")).sendKeys(doctor.username());
        browser.findElement(By.id("password")).sendKeys(Scenario.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the click returns before the login's redirect has landed, the more so on a busy machine
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(browser.getCurrentUrl()).startsWith(baseUrl + "/queue"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(liveMode()).isEqualTo("live"));
        script("window.askflowSamePage = true");
    }

    private QuestionSubmitted question(String title) {
        QuestionSubmitted q = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        return new QuestionSubmitted(q.eventId(), q.questionId(), q.occurredAt(), q.nickname(), q.ageRange(),
                q.gender(), q.requestedSpecialty(), title, q.body(), q.language(), q.consentToPublish(),
                q.trackingUrl(), q.contactEmail(), q.urgent());
    }

    private WebElement row(UUID id) {
        return browser.findElement(By.cssSelector(rowSelector(id)));
    }

    private static String rowSelector(UUID id) {
        return "#open tr[data-question-id='" + id + "']";
    }

    private boolean stillTheSamePage() {
        return Boolean.TRUE.equals(script("return window.askflowSamePage === true"));
    }

    private String liveMode() {
        return browser.findElement(By.id("live")).getAttribute("data-mode");
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
