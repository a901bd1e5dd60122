package io.askflow.workflow.routing;

/** What the patient has typed so far; either part may be missing, not both. */
record SuggestionRequest(String title, String body) {
}
