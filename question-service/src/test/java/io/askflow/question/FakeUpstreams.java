package io.askflow.question;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Stand-ins for enrichment-service and the workflow on a random port of this JVM, for the lookups the ask form
 * and the FAQ pages make over real HTTP. Answers depend only on the request: a text with "palsy" finds similar
 * answers, "face" gets a Neurology suggestion, "broken" a 500, "slow" an answer after 3 s (past the timeout).
 * Registered in META-INF/spring.factories, so every test context of this module uses it.
 */
public class FakeUpstreams implements EnvironmentPostProcessor {

    private static final String BELLS_PALSY_FAQ = """
            {"specialty":"NEUROLOGY","slug":"facial-nerve-palsy","title":"Facial Nerve Palsy (Bell's Palsy)",
             "body":"Bell's palsy is a sudden weakness of the muscles on one side of the face.",
             "keywords":["bell","palsy"],
             "sources":[{"title":"NINDS: Bell's Palsy","url":"http://www.ninds.nih.gov/disorders/bells/bells.htm"},
                        {"title":"Not a web link","url":"javascript:alert(1)"}],
             "author":"Written by the Askflow team"}""";

    private static final String SIMILAR = """
            [{"id":"q-1","kind":"QUESTION","title":"Sudden weakness on the left side of my face","snippet":"When I woke up…",
              "url":"http://127.0.0.1:8080/questions/801f121d-1b3c-4008-bdce-d4a9501b0eba","source":"Askflow","specialty":"NEUROLOGY","score":9.1},
             {"id":"k-1","kind":"KNOWLEDGE","title":"What is Bell's palsy?","snippet":"Bell's palsy is a form of temporary facial paralysis.",
              "url":"https://www.ninds.nih.gov/health-information/disorders/bells-palsy","source":"MedQuAD (NINDS)","specialty":"NEUROLOGY","score":8.0},
             {"id":"k-2","kind":"KNOWLEDGE","title":"<script>alert(1)</script> palsy","snippet":"x","url":"javascript:alert(1)","source":"Evil","specialty":null,"score":7.0},
             {"id":"k-3","kind":"KNOWLEDGE","title":"Facial nerve problems","snippet":"…","url":null,"source":"MedQuAD","specialty":"NEUROLOGY","score":6.0},
             {"id":"k-4","kind":"KNOWLEDGE","title":"Treating Bell's palsy","snippet":"…","url":"https://medlineplus.gov/bellspalsy.html","source":"MedlinePlus","specialty":"NEUROLOGY","score":5.0},
             {"id":"k-5","kind":"KNOWLEDGE","title":"A sixth answer","snippet":"…","url":"https://example.org/6","source":"MedQuAD","specialty":"NEUROLOGY","score":4.0}]""";

    private static HttpServer server;
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-upstreams-later");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String base = "http://127.0.0.1:" + start().getAddress().getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("fake-upstreams",
                Map.of("askflow.enrichment-url", base, "askflow.workflow-url", base)));
    }

    private static synchronized HttpServer start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "fake-upstreams");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/api/similar", exchange -> {
                String q = query(exchange);
                answer(exchange, q.contains("palsy") ? 200 : q.contains("broken") ? 500 : 200,
                        q.contains("palsy") ? SIMILAR : "[]", q.contains("slow"));
            });
            server.createContext("/api/routing/suggest", exchange -> {
                String q = query(exchange);
                if (q.contains("face")) {
                    answer(exchange, 200, "{\"specialty\":\"NEUROLOGY\",\"confidence\":0.8,\"wouldRouteTo\":\"NEUROLOGY\"}",
                            false);
                } else if (q.contains("slow")) {
                    answer(exchange, 200, "{\"specialty\":\"CARDIOLOGY\",\"confidence\":0.9}", true);
                } else {
                    answer(exchange, 404, "{}", false);             // the workflow without the endpoint yet
                }
            });
            server.createContext("/api/faq/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                answer(exchange, path.equals("/api/faq/neurology/facial-nerve-palsy") ? 200 : 404,
                        path.endsWith("facial-nerve-palsy") ? BELLS_PALSY_FAQ : "{}", path.endsWith("/slow-topic"));
            });
            server.start();
        }
        return server;
    }

    private static String query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8).toLowerCase();
    }

    private static void answer(HttpExchange exchange, int status, String body, boolean slow) {
        Runnable send = () -> {
            try (exchange) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException e) {
                // the client gave up waiting, as it should for a slow answer
            }
        };
        if (slow) {
            LATER.schedule(send, 3, TimeUnit.SECONDS);
        } else {
            send.run();
        }
    }
}
