package io.switchboard.simulator.call.domain;

/**
 * The TwiML a call got (fetched from its voice URL or given inline) and what the simulator made of it.
 *
 * @param source     {@code url} when fetched, {@code twiml} when given inline
 * @param httpStatus null when nothing was fetched or no response came back
 * @param twiml      the TwiML, cut to a bounded length
 * @param error      why no response came back
 * @param errorCode  Twilio's error for an answer it could not follow: 11200 (HTTP retrieval failure) or
 *                   12100 (document parse failure); null when the answer was followed
 * @param stream     the {@code <Connect><Stream>} it asked for, or null
 */
public record VoiceAnswer(
        String source, Integer httpStatus, String twiml, String error, Integer errorCode, MediaStream stream) {}
