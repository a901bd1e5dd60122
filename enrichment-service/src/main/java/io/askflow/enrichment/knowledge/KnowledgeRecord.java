package io.askflow.enrichment.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One question-answer pair of a trusted source (MedQuAD's format). An empty {@code answer} is allowed: the
 * publisher kept the text out, the record still points to its source page.
 *
 * @param id  the id from the import file, kept unchanged ({@code <source>_<docId>_Sec<n>} in MedQuAD)
 * @param url the source page, only if it is an absolute http(s) address: pages render it as a link, so a
 *            {@code javascript:} or {@code data:} URL from an import file is dropped, not shown
 */
public record KnowledgeRecord(String id, String source, String url, String focus, List<String> synonyms,
                              String category, String semanticGroup, List<String> cuis, String qtype,
                              String question, String answer) {

    public KnowledgeRecord {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        cuis = cuis == null ? List.of() : List.copyOf(cuis);
        answer = answer == null ? "" : answer;
        source = source == null || source.isBlank() ? "unknown" : source;
        url = webAddressOrNull(url);
    }

    private static String webAddressOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The page a record belongs to: MedQuAD ids are {@code <source>_<docId>_Sec<n>}, the sections of one page
     * share everything before {@code _Sec}. Search shows one passage per page.
     */
    public String page() {
        int section = id.lastIndexOf("_Sec");
        return section > 0 ? id.substring(0, section) : id;
    }

    /** Changes whenever any imported field changes, so a re-import of the same record is recognised. */
    String contentHash() {
        String canonical = String.join("\u001f", id, source, nullToEmpty(url), nullToEmpty(focus),
                String.join("\u001e", synonyms), nullToEmpty(category), nullToEmpty(semanticGroup),
                String.join("\u001e", cuis), nullToEmpty(qtype), question, answer);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
