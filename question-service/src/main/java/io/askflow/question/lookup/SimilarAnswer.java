package io.askflow.question.lookup;

/**
 * An earlier answer shown while a patient types a title: an answered Askflow question or a knowledge record.
 *
 * @param url       a web link (http or https), else {@code null}
 * @param specialty display name, or {@code null}
 */
public record SimilarAnswer(String kind, String title, String snippet, String url, String source, String specialty) {
}
