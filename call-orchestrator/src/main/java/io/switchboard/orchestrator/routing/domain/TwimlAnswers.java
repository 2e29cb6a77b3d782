package io.switchboard.orchestrator.routing.domain;

import java.util.Map;

import io.switchboard.orchestrator.account.domain.Route;
import org.springframework.stereotype.Component;

/** Twilio's answers: {@code <Connect><Stream>} with the call's identity as stream parameters. */
@Component
public class TwimlAnswers implements AnswerDocuments {

    static final String PROVIDER = "twilio";
    static final String CONTENT_TYPE = "text/xml";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final AnswerDocument HANG_UP =
            new AnswerDocument(CONTENT_TYPE, PROLOG + "<Response><Hangup/></Response>");
    private static final AnswerDocument NOT_IN_SERVICE = new AnswerDocument(
            CONTENT_TYPE, PROLOG + "<Response><Say>This number is not in service.</Say><Hangup/></Response>");

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public AnswerDocument connect(String callId, Route route, Map<String, String> parameters) {
        var twiml = new StringBuilder(PROLOG)
                .append("<Response><Connect><Stream url=\"")
                .append(escape(route.assistant().streamUrl()))
                .append("\">")
                .append(parameter("callId", callId))
                .append(parameter("accountId", route.accountId()))
                .append(parameter("assistantId", route.assistant().assistantId()));
        parameters.forEach((name, value) -> twiml.append(parameter(name, value)));
        return new AnswerDocument(
                CONTENT_TYPE, twiml.append("</Stream></Connect></Response>").toString());
    }

    @Override
    public AnswerDocument hangUp() {
        return HANG_UP;
    }

    @Override
    public AnswerDocument notInService() {
        return NOT_IN_SERVICE;
    }

    private static String parameter(String name, String value) {
        return "<Parameter name=\"" + name + "\" value=\"" + escape(value) + "\"/>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
