package io.askflow.enrichment.index;

/** What a search result is: an answered Askflow question or a knowledge record. */
public enum Kind { QUESTION, KNOWLEDGE }
