package io.switchboard.simulator.call.progress;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.switchboard.simulator.webhook.WebhookResponse;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** What Twilio would make of a voice webhook's response: answer the call, or end it and how. */
enum AnswerTwiml {
    ANSWER,
    REJECT_BUSY,
    REJECT,
    HANGUP,
    FAILED;

    /** Only a response whose first verb is Reject or Hangup keeps the call from being answered. */
    static AnswerTwiml of(WebhookResponse response) {
        if (!response.successful()) {
            return FAILED;
        }
        Element root = parse(response.body());
        if (root == null || !"Response".equals(root.getTagName())) {
            return FAILED;
        }
        Element verb = firstElement(root);
        if (verb == null || "Hangup".equals(verb.getTagName())) {
            return HANGUP;
        }
        if ("Reject".equals(verb.getTagName())) {
            return "busy".equals(verb.getAttribute("reason")) ? REJECT_BUSY : REJECT;
        }
        return ANSWER;
    }

    /** The body comes from whatever the number points at, so no DTDs and no external entities. */
    private static Element parse(String twiml) {
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

    private static Element firstElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
