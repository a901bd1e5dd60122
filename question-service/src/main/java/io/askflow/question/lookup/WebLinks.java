package io.askflow.question.lookup;

import java.net.URI;

/** Links from the lookups' answers that may go into our pages. */
final class WebLinks {

    /** Only web links go into our pages: no {@code javascript:} or {@code data:} URL reaches an href. */
    static String orNull(String url) {
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

    private WebLinks() {
    }
}
