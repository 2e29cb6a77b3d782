package io.switchboard.dialer.donotcall.web;

/** The optional body of a listing: why the number may not be called. */
record ListingRequest(String reason) {

    static final int MAX_REASON = 256;
}
