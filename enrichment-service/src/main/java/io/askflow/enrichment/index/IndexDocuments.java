package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import io.askflow.events.Specialty;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Turns rows of the schema into index documents. */
final class IndexDocuments {

    private final Analyzer analyzer;

    IndexDocuments(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Document knowledge(KnowledgeRecord record, long version) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, record.id(), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.VERSION, version));
        doc.add(new StringField(Fields.KIND, Kind.KNOWLEDGE.name(), Field.Store.YES));
        page(doc, record.page());
        doc.add(new StoredField(Fields.TITLE, record.question()));
        doc.add(new TextField(Fields.QUESTION, record.question(), Field.Store.YES));
        if (record.focus() != null && !record.focus().isBlank()) {
            doc.add(new TextField(Fields.FOCUS, record.focus(), Field.Store.YES));
            addKey(doc, record.focus());
        }
        for (String synonym : record.synonyms()) {
            doc.add(new TextField(Fields.SYNONYMS, synonym, Field.Store.NO));
            addKey(doc, synonym);
        }
        doc.add(new TextField(Fields.ANSWER, record.answer(), Field.Store.YES));
        doc.add(new StringField(Fields.HAS_ANSWER, String.valueOf(!record.answer().isBlank()), Field.Store.NO));
        if (record.qtype() != null) {
            doc.add(new StringField(Fields.QTYPE, record.qtype(), Field.Store.NO));
        }
        for (Specialty specialty : SourceSpecialties.of(record.source())) {
            doc.add(new StringField(Fields.SPECIALTY, specialty.name(), Field.Store.YES));
        }
        if (record.url() != null) {
            doc.add(new StoredField(Fields.URL, record.url()));
        }
        doc.add(new StoredField(Fields.SOURCE, record.source()));
        return doc;
    }

    Document question(AnsweredQuestion question, long version) {
        Document doc = new Document();
        String id = question.questionId().toString();
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.VERSION, version));
        doc.add(new StringField(Fields.KIND, Kind.QUESTION.name(), Field.Store.YES));
        page(doc, id);
        doc.add(new StoredField(Fields.TITLE, question.title()));
        doc.add(new TextField(Fields.QUESTION, question.title() + "\n" + question.body(), Field.Store.YES));
        doc.add(new TextField(Fields.ANSWER, question.replyBody(), Field.Store.YES));
        doc.add(new StringField(Fields.HAS_ANSWER, "true", Field.Store.NO));
        if (question.specialty() != null) {
            doc.add(new StringField(Fields.SPECIALTY, question.specialty().name(), Field.Store.YES));
        }
        if (question.doctorName() != null) {
            doc.add(new StoredField(Fields.DOCTOR, question.doctorName()));
        }
        doc.add(new StoredField(Fields.SOURCE, "Askflow"));
        return doc;
    }

    /** Stored for the result, and as doc values so that a search can group many candidates by page cheaply. */
    private static void page(Document doc, String page) {
        doc.add(new StringField(Fields.PAGE, page, Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.PAGE, new BytesRef(page)));
    }

    private void addKey(Document doc, String phrase) {
        String key = Fields.key(analyzer, phrase);
        if (!key.isEmpty()) {
            doc.add(new StringField(Fields.FOCUS_KEY, key, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(Fields.FOCUS_KEY, new BytesRef(key)));
        }
    }
}
