package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;

/** The results of a search: each page's best section as a {@link Hit}, with the snippets that show it. */
final class Hits {

    private final Snippets snippets;

    Hits(Analyzer analyzer) {
        this.snippets = new Snippets(analyzer);
    }

    /** One hit per page, in the pages' order; {@code terms} are the query's, marked in the snippets. */
    List<Hit> of(StoredFields stored, List<Page> pages, Set<String> terms, int snippetChars) throws IOException {
        // stored fields are read block by block: in doc order, neighbours share a decompressed block
        int[] docs = pages.stream().mapToInt(page -> page.best().doc).sorted().toArray();
        Map<Integer, Document> loaded = new HashMap<>();
        for (int doc : docs) {
            loaded.put(doc, stored.document(doc));
        }
        List<Hit> hits = new ArrayList<>(pages.size());
        for (Page page : pages) {
            hits.add(hit(loaded.get(page.best().doc), page.score(), terms, snippetChars));
        }
        return hits;
    }

    private Hit hit(Document doc, float score, Set<String> terms, int snippetChars) {
        Kind kind = Kind.valueOf(doc.get(Fields.KIND));
        String question = doc.get(Fields.QUESTION);
        String answer = doc.get(Fields.ANSWER) == null ? "" : doc.get(Fields.ANSWER);
        Snippets.Snippet snippet;
        Snippets.Snippet reply = Snippets.Snippet.EMPTY;
        if (kind == Kind.QUESTION) {
            String title = doc.get(Fields.TITLE);
            snippet = snippets.best(question.substring(Math.min(question.length(), title.length())).strip(), terms,
                    snippetChars);
            reply = snippets.best(answer, terms, snippetChars);
        } else {
            snippet = snippets.best(answer.isBlank() ? question : answer, terms, snippetChars);
        }
        return new Hit(doc.get(Fields.ID), kind, doc.get(Fields.PAGE), doc.get(Fields.TITLE), snippet.text(),
                snippet.html(), reply.text(), doc.get(Fields.URL), doc.get(Fields.SOURCE),
                Arrays.asList(doc.getValues(Fields.SPECIALTY)), doc.get(Fields.DOCTOR), question, answer, score);
    }
}
