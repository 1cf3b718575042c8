package org.tumen.store.review;

/**
 * How far the review has got.
 *
 * @param queued pairs in the queue
 * @param same queued pairs whose latest decision is "same"
 * @param different queued pairs decided "different"
 * @param notSure queued pairs last marked "not sure" (they come back after the others)
 * @param undecided queued pairs nobody has decided yet
 */
public record QueueStatus(int queued, int same, int different, int notSure, int undecided) {

  /** Pairs with a decision that the next linkage uses. */
  public int decided() {
    return same + different;
  }

  /** Pairs still to decide: those never decided and those marked "not sure". */
  public int remaining() {
    return undecided + notSure;
  }
}
