package io.askflow.question.config;

/** One bad field of a request, as listed in a problem's {@code errors}. */
public record FieldProblem(String field, String message) {
}
