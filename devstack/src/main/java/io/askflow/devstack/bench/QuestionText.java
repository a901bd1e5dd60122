package io.askflow.devstack.bench;

/** What a bench patient writes: a title and the question itself, both within question-service's limits. */
record QuestionText(String title, String body) {
}
