package org.tumen.document.event;

import org.tumen.model.place.PlaceLevel;

/**
 * How strongly two event records look like one event told twice, in points (roughly bits of
 * evidence: +1 doubles the odds of "same event"). The weights are set by judgement about how
 * witnesses tell events, not fitted:
 *
 * <ul>
 *   <li><b>People</b>, the strongest evidence: the records name the same linked person (+4, and +1
 *       for each further one, up to +6); both name people, none shared (−2: a witness names the
 *       people with them, though not always all of them).
 *   <li><b>Type</b>: the same event type (+2); different (−5). Documenters choose the type from the
 *       vocabulary and rarely disagree on it (say 3% of accounts of one event), while two records
 *       of one person's journey that meet in time and place are usually consecutive events of
 *       different types (an arrest and the detention that follows: say 80%): log2(0.97/0.2) ≈ 2,
 *       log2(0.03/0.8) ≈ −5.
 *   <li><b>Dates</b>: the ranges overlap (+2, +1 more when both are known to the month or better);
 *       apart by up to 31 days (0: memory slips by a month, years after); up to 92 days (−1: two
 *       witnesses may each slip the other way, while the same people meet the same kind of event
 *       again only after a return and a new crossing, months later); further (−3); more than a year
 *       (veto).
 *   <li><b>Place</b>: one lies within the other (+2, +1 more when the same place at district level
 *       or finer); both in one country, within 50 km (0), further (−2); different countries (veto).
 *   <li><b>Acts</b>: they share an act type (+1); both have acts, none shared (−1).
 * </ul>
 *
 * Two records told by the same source are never one event (veto): a witness tells an event once.
 */
final class EventComparison {

  /** A pair that can never be one event. */
  static final int VETO = Integer.MIN_VALUE;

  private final EventProfiles p;

  EventComparison(EventProfiles profiles) {
    this.p = profiles;
  }

  /** The number of linked people the two records share. */
  int sharedPersons(int a, int b) {
    return EventProfiles.shared(p.persons[a], p.persons[b]);
  }

  /**
   * Whether the pair is vetoed: one source tells both, more than a year apart, or two countries.
   */
  boolean vetoed(int a, int b) {
    if (EventProfiles.meet(p.sources[a], p.sources[b]) || p.gap(a, b) > 365) {
      return true;
    }
    int pa = p.place[a];
    int pb = p.place[b];
    return !(p.contains(pa, pb) || p.contains(pb, pa)) && p.country[pa] != p.country[pb];
  }

  int score(int a, int b) {
    if (EventProfiles.meet(p.sources[a], p.sources[b])) {
      return VETO;
    }
    int gap = p.gap(a, b);
    if (gap > 365) {
      return VETO;
    }
    int pa = p.place[a];
    int pb = p.place[b];
    boolean nested = p.contains(pa, pb) || p.contains(pb, pa);
    if (!nested && p.country[pa] != p.country[pb]) {
      return VETO;
    }
    int score = 0;
    int shared = sharedPersons(a, b);
    if (shared > 0) {
      score += 4 + Math.min(shared - 1, 2);
    } else if (p.persons[a].length > 0 && p.persons[b].length > 0) {
      score -= 2;
    }
    score += p.type[a] == p.type[b] ? 2 : -5;
    if (gap == 0) {
      score += 2;
      if (p.latest[a] - p.earliest[a] < 31 && p.latest[b] - p.earliest[b] < 31) {
        score += 1;
      }
    } else if (gap > 92) {
      score -= 3;
    } else if (gap > 31) {
      score -= 1;
    }
    if (nested) {
      score += 2;
      if (pa == pb && p.level[pa] >= PlaceLevel.DISTRICT.ordinal()) {
        score += 1;
      }
    } else if (p.far(pa, pb)) {
      score -= 2;
    }
    if (p.actTypes[a].length > 0 && p.actTypes[b].length > 0) {
      score += EventProfiles.meet(p.actTypes[a], p.actTypes[b]) ? 1 : -1;
    }
    return score;
  }
}
