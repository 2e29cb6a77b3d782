package io.switchboard.simulator.call.domain;

/**
 * How the application answered an inbound call's voice webhook.
 *
 * @param httpStatus null when no response came back
 * @param twiml      the response body, cut to a bounded length
 * @param error      why no response came back
 */
public record VoiceAnswer(Integer httpStatus, String twiml, String error) {}
