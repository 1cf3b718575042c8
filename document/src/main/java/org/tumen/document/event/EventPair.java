package org.tumen.document.event;

/**
 * Two event records compared: their score in points and how many linked people they share. A pair
 * in the review band waits for a person to say whether it is one event.
 */
public record EventPair(String a, String b, int score, int sharedPersons) {}
