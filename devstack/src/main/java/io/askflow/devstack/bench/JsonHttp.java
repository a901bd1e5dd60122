package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small JSON client over {@link HttpClient}. With a login it keeps the session cookie, so reply-service
 * checks the BCrypt password once per doctor, not once per request; the Basic header stays on every request
 * so an expired session just logs in again.
 */
final class JsonHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Response(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final ObjectMapper json;
    private final String authorization;

    private JsonHttp(HttpClient client, ObjectMapper json, String authorization) {
        this.client = client;
        this.json = json;
        this.authorization = authorization;
    }

    static JsonHttp anonymous(ObjectMapper json) {
        return new JsonHttp(builder().build(), json, null);
    }

    static JsonHttp login(ObjectMapper json, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new JsonHttp(builder().cookieHandler(new CookieManager()).build(), json, "Basic " + basic);
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }

    Response get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    Response post(URI uri, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        return send(request(uri).header("Content-Type", "application/json").POST(publisher).build());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), parse(response.body()), response.body());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
