package io.switchboard.simulator.call.progress;

import io.switchboard.simulator.call.domain.MediaStream;
import org.w3c.dom.Element;

/**
 * What an answered call does with its TwiML, read verb by verb as Twilio executes it: a verb that connects
 * the call somewhere keeps it up; running out of verbs, {@code <Hangup/>} or {@code <Reject/>} ends it.
 *
 * @param connected     true when the call stays up for its scripted talk time
 * @param spokenSeconds talk time spent on {@code <Say>}/{@code <Play>}/{@code <Pause>} before the call ends
 * @param stream        the {@code <Connect><Stream>} asked for, or null
 * @param errorCode     Twilio's error when the TwiML could not be followed, or null
 */
record AnsweredTwiml(boolean connected, int spokenSeconds, MediaStream stream, Integer errorCode) {

    static final int HTTP_RETRIEVAL_FAILURE = 11200;
    static final int DOCUMENT_PARSE_FAILURE = 12100;

    /** Twilio says "An application error has occurred" and hangs up: about this long. */
    static final int APPLICATION_ERROR_SECONDS = 3;

    private static final int WORDS_PER_SECOND = 3;

    static AnsweredTwiml applicationError(int errorCode) {
        return new AnsweredTwiml(false, APPLICATION_ERROR_SECONDS, null, errorCode);
    }

    static AnsweredTwiml of(String twiml) {
        return TwimlDocument.parse(twiml)
                .map(AnsweredTwiml::follow)
                .orElseGet(() -> applicationError(DOCUMENT_PARSE_FAILURE));
    }

    private static AnsweredTwiml follow(TwimlDocument document) {
        int seconds = 0;
        for (Element verb : document.verbs()) {
            switch (verb.getTagName()) {
                case "Hangup", "Reject" -> {
                    return new AnsweredTwiml(false, seconds, null, null);
                }
                case "Connect" -> {
                    return new AnsweredTwiml(true, seconds, TwimlDocument.connectStream(verb), null);
                }
                case "Dial", "Enqueue" -> {
                    return new AnsweredTwiml(true, seconds, null, null);
                }
                case "Say" -> seconds += Math.max(1, words(verb.getTextContent()) / WORDS_PER_SECOND);
                case "Play" -> seconds += 1;
                case "Pause" -> seconds += pauseLength(verb);
                default -> {
                    // Gather without input, Start, Record… fall through to the next verb, as on Twilio.
                }
            }
        }
        return new AnsweredTwiml(false, seconds, null, null);
    }

    private static int words(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static int pauseLength(Element pause) {
        try {
            return pause.hasAttribute("length") ? Math.max(0, Integer.parseInt(pause.getAttribute("length"))) : 1;
        } catch (NumberFormatException malformed) {
            return 1;
        }
    }
}
