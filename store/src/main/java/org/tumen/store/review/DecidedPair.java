package org.tumen.store.review;

import java.time.OffsetDateTime;

/** A pair's latest decision: what, by whom (an account or user name), when. */
public record DecidedPair(PairRef pair, Decision decision, String by, OffsetDateTime at) {}
