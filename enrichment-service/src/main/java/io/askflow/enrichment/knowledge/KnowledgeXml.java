package io.askflow.enrichment.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads MedQuAD's original layout, as downloaded from its public repository: folders of XML files, one
 * {@code <Document id source url>} per page with its {@code <Focus>}, {@code <FocusAnnotations>} (category, UMLS
 * CUIs, semantic group, synonyms) and {@code <QAPairs>}. Each {@code <QAPair pid>} becomes a record with the id the
 * JSON-lines edition uses, {@code <source>_<docId>_Sec<pid>}, so both editions update the same records.
 */
final class KnowledgeXml {

    static boolean handles(Path path) {
        return Files.isDirectory(path) || path.getFileName().toString().toLowerCase().endsWith(".xml");
    }

    /** Every XML file under the path (or the file itself), in name order, pair by pair. */
    void read(Path path, KnowledgeLines.LineHandler handler) throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            files = found.filter(file -> file.getFileName().toString().toLowerCase().endsWith(".xml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        DocumentBuilder parser = parser();
        int number = 0;
        for (Path file : files) {
            String name = Files.isDirectory(path) ? path.relativize(file).toString() : file.getFileName().toString();
            Document document;
            try {
                document = parser.parse(file.toFile());
            } catch (SAXException e) {
                handler.accept(KnowledgeLines.Line.skipped(++number, name, "not XML"));
                continue;
            }
            Element page = document.getDocumentElement();
            String source = page.getAttribute("source").strip();
            String docId = page.getAttribute("id").strip();
            NodeList pairs = page.getElementsByTagName("QAPair");
            if (docId.isEmpty() || source.isEmpty() || pairs.getLength() == 0) {
                handler.accept(KnowledgeLines.Line.skipped(++number, name,
                        docId.isEmpty() ? "no id" : source.isEmpty() ? "no source" : "no QAPair"));
                continue;
            }
            String focus = text(page, "Focus");
            List<String> synonyms = texts(page, "Synonym");
            List<String> cuis = texts(page, "CUI");
            String category = text(page, "Category");
            String semanticGroup = text(page, "SemanticGroup");
            String url = page.getAttribute("url").isBlank() ? null : page.getAttribute("url").strip();
            for (int i = 0; i < pairs.getLength(); i++) {
                Element pair = (Element) pairs.item(i);
                String where = name + " QAPair " + (pair.getAttribute("pid").isBlank() ? i + 1 : pair.getAttribute("pid"));
                Element question = first(pair, "Question");
                String questionText = question == null ? null : question.getTextContent().strip();
                if (pair.getAttribute("pid").isBlank()) {
                    handler.accept(KnowledgeLines.Line.skipped(++number, where, "no pid"));
                } else if (questionText == null || questionText.isEmpty()) {
                    handler.accept(KnowledgeLines.Line.skipped(++number, where, "no question"));
                } else {
                    String id = source + "_" + docId + "_Sec" + pair.getAttribute("pid").strip();
                    handler.accept(KnowledgeLines.Line.read(++number, where, new KnowledgeRecord(id, source, url,
                            focus, synonyms, category, semanticGroup, cuis, blankToNull(question.getAttribute("qtype")),
                            questionText, text(pair, "Answer"))));
                }
            }
        }
    }

    /** A parser that reads no DTD and no external entity: the files come from elsewhere. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // a broken file is reported as a skipped one, not printed by the parser
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JRE's XML parser lacks a standard feature", e);
        }
    }

    private static Element first(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static String text(Element parent, String tag) {
        Element element = first(parent, tag);
        return element == null ? null : blankToNull(element.getTextContent().strip());
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList found = parent.getElementsByTagName(tag);
        for (int i = 0; i < found.getLength(); i++) {
            Node node = found.item(i);
            String text = node.getTextContent().strip();
            if (!text.isEmpty() && !texts.contains(text)) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
