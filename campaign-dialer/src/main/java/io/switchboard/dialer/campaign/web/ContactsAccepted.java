package io.switchboard.dialer.campaign.web;

/**
 * What an upload of contacts did.
 *
 * @param uploaded the contacts in the upload
 * @param distinct the distinct numbers among them: each is one call request, whatever was uploaded before
 */
record ContactsAccepted(String campaignId, int uploaded, int distinct) {}
