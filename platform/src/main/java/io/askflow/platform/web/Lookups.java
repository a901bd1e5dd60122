package io.askflow.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Clients for the read-only calls between services that a page can live without ({@code /api/similar},
 * {@code /api/faq}, {@code /api/routing/suggest}): connecting and reading each give up after the timeout, and the
 * caller shows its page without the answer.
 */
public final class Lookups {

    private Lookups() {
    }

    public static RestClient client(RestClient.Builder builder, URI baseUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return builder.clone().baseUrl(baseUrl.toString().replaceAll("/+$", "")).requestFactory(requests).build();
    }
}
