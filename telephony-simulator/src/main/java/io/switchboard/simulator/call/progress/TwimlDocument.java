package io.switchboard.simulator.call.progress;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.switchboard.simulator.call.domain.MediaStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** A parsed TwiML {@code <Response>}: its verbs in order, read the way Twilio reads them. */
final class TwimlDocument {

    private final List<Element> verbs;

    private TwimlDocument(List<Element> verbs) {
        this.verbs = verbs;
    }

    /** Empty when the text is not XML or its root is not {@code <Response>}: Twilio's 12100. */
    static Optional<TwimlDocument> parse(String twiml) {
        Element root = root(twiml);
        if (root == null || !"Response".equals(root.getTagName())) {
            return Optional.empty();
        }
        return Optional.of(new TwimlDocument(children(root)));
    }

    List<Element> verbs() {
        return verbs;
    }

    /** The {@code <Stream>} of a {@code <Connect>} verb with its {@code <Parameter>}s, or null. */
    static MediaStream connectStream(Element connect) {
        for (Element noun : children(connect)) {
            if ("Stream".equals(noun.getTagName())) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (Element parameter : children(noun)) {
                    if ("Parameter".equals(parameter.getTagName())) {
                        parameters.put(parameter.getAttribute("name"), parameter.getAttribute("value"));
                    }
                }
                return new MediaStream(noun.getAttribute("url"), parameters);
            }
        }
        return null;
    }

    /** The body comes from whatever the application answers, so no DTDs and no external entities. */
    private static Element root(String twiml) {
        if (twiml == null || twiml.isBlank()) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(twiml)))
                    .getDocumentElement();
        } catch (Exception unparsable) {
            return null;
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
