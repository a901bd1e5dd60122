package io.askflow.enrichment.similar;

/** A search request that cannot be answered as asked; reported as a 400 problem naming the field. */
class InvalidSearch extends RuntimeException {

    private final String field;

    InvalidSearch(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
