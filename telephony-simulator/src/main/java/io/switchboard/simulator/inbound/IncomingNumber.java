package io.switchboard.simulator.inbound;

/**
 * A number that belongs to one of the configured accounts and rings our application.
 *
 * @param voiceUrl       asked for TwiML when the number is called
 * @param statusCallback receives the call's status callbacks; null for none
 */
record IncomingNumber(String number, String accountSid, String voiceUrl, String statusCallback) {}
