package io.askflow.question.lookup;

/**
 * The specialty that routing would likely pick for a question, offered to the patient on the ask form.
 *
 * @param slug       the value of the form's specialty option
 * @param name       the display name
 * @param confidence from 0 to 1, as the classifier reported it
 */
public record SpecialtySuggestion(String slug, String name, double confidence) {
}
