package io.askflow.question.lookup;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Read-only calls to the other services that a page can live without: a short timeout, then nothing. */
final class Lookups {

    static RestClient client(RestClient.Builder builder, String baseUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return builder.baseUrl(baseUrl.replaceAll("/+$", "")).requestFactory(requests).build();
    }

    /** Only web links go into our pages: no {@code javascript:} or {@code data:} URL reaches an href. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? url.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Lookups() {
    }
}
