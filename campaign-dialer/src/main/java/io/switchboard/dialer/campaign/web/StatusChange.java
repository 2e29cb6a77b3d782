package io.switchboard.dialer.campaign.web;

/** Why a campaign is paused or cancelled, as the caller says; optional. */
record StatusChange(String reason) {}
