package io.askflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The login throttle in front of Cockpit's own login, over real HTTP into Camunda's web application, 10 failures
 * in 15 minutes (the defaults). The client address comes from X-Forwarded-For, which this test's service trusts
 * (forward-headers-strategy framework), so each test has addresses of its own. The service consumes no events and
 * runs no jobs here: it shares the broker and database with the other test classes.
 */
@AskflowIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "askflow.security.admin.password=s3cret",
        "server.forward-headers-strategy=framework",
        "camunda.bpm.job-execution.enabled=false",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class CockpitLoginThrottleTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired IdentityService identity;
    @LocalServerPort int port;


    @Test
    void anAccountIsRefusedAfterTenFailuresEvenWithTheRightPassword(CapturedOutput output) throws Exception {
        String user = cockpitUser("right-password");
        String guess = "guess-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(login(user, guess, newAddress()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = login(user, "right-password", newAddress());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(840L, 900L));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("Too many failed logins");
        assertThat(output).contains("Failed login of account '" + user + "' from 10.")
                .doesNotContain(guess).doesNotContain("right-password");
    }

    @Test
    void anAddressIsRefusedAfterTenFailuresWhateverTheAccountOthersAreNot(CapturedOutput output) throws Exception {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(login("nobody-" + UUID.randomUUID(), "guess", address).statusCode()).isEqualTo(401);
        }

        assertThat(login("admin", "s3cret", address).statusCode()).isEqualTo(429);
        assertThat(login("admin", "s3cret", newAddress()).statusCode()).isEqualTo(200);
        assertThat(output).contains("from " + address).doesNotContain("s3cret");
    }

    @Test
    void successfulLoginsAreNeverThrottled() throws Exception {
        String user = cockpitUser("often-right");
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            assertThat(login(user, "often-right", address).statusCode()).isEqualTo(200);
        }
    }

    /** A Cockpit user of this test only, allowed into Cockpit through the operators' group. */
    private String cockpitUser(String password) {
        String id = "cockpit" + UUID.randomUUID().toString().substring(0, 8);      // Camunda: letters and digits
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, "camunda-admin");
        return id;
    }

    /**
     * As a browser opening Cockpit does: a new session, whose CSRF token Camunda's own filter asks of every POST
     * (a login starts a new session, which an old token does not fit).
     */
    private HttpResponse<String> login(String username, String password, String address) throws Exception {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/"))
                .build(), HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/camunda/api/admin/auth/user/default/login/cockpit"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10.99." + (n / 250) + "." + (n % 250 + 1);
    }
}
