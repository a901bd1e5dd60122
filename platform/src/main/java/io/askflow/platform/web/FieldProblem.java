package io.askflow.platform.web;

/** One invalid field of a request, in a problem's {@code errors} list: its name and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
