package org.tumen.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * Synthetic documentation with a known truth, for testing de-duplication and counting. Nothing here
 * is about real people.
 *
 * <p>Groups of one to three people travel together: they cross from a DPRK border county into
 * Yanbian, hide for weeks or months, are arrested, detained in China, forcibly returned and
 * detained again in the DPRK; a third of the groups try again a year or two later, so the same
 * people meet the same kinds of event twice. Each member of a group is interviewed with probability
 * {@code interviewRate}; one interview is one source and tells every event of its teller's journey.
 * A teller names each companion with probability 0.8 (as a victim of the event's acts and in the
 * chain link to the next event) (a companion's id is wrong, as from a missed link, with probability
 * 0.05), gives the date to the day (30%), the month (40%), the season (15%) or the year (15%), one
 * month off before rounding with probability 0.2, the place itself (70%), its parent (25%) or a
 * neighbouring place of the same region (5%), calls an arrest a detention or back with probability
 * 0.03, and reports each act of the event with probability 0.9.
 */
public final class SimulatedWitnesses {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();
  private static final String[] DPRK_BORDER = {
    "kp.north-hamgyong.hoeryong",
    "kp.north-hamgyong.musan",
    "kp.north-hamgyong.onsong",
    "kp.ryanggang.hyesan",
    "kp.north-pyongan.sinuiju"
  };
  private static final String[] YANBIAN = {
    "cn.jilin.yanbian.yanji",
    "cn.jilin.yanbian.tumen",
    "cn.jilin.yanbian.longjing",
    "cn.jilin.yanbian.helong",
    "cn.jilin.yanbian.hunchun",
    "cn.jilin.yanbian.wangqing"
  };

  /** The documentation, and for each event record the id of the true event it tells. */
  public record Result(Documentation documentation, Map<String, String> trueEventOf) {}

  private record TrueEvent(
      String id,
      String type,
      LocalDate from,
      LocalDate to,
      Place place,
      List<String> people,
      List<String> acts,
      String state) {}

  private final Random random;
  private final double interviewRate;

  public SimulatedWitnesses(long seed, double interviewRate) {
    this.random = new Random(seed);
    this.interviewRate = interviewRate;
  }

  public Result generate(int groups) {
    List<TrueEvent> truth = new ArrayList<>();
    Map<String, List<TrueEvent>> journeyOf = new HashMap<>();
    int person = 0;
    for (int g = 0; g < groups; g++) {
      int size = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.6 ? 1 : 2);
      List<String> people = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        people.add("p" + person++);
      }
      LocalDate start = LocalDate.of(1996, 1, 1).plusDays(random.nextInt(20 * 365));
      int attempts = random.nextDouble() < 1.0 / 3 ? 2 : 1;
      for (int a = 0; a < attempts; a++) {
        List<TrueEvent> journey = journey(truth.size(), start, people);
        truth.addAll(journey);
        for (String p : people) {
          journeyOf.computeIfAbsent(p, k -> new ArrayList<>()).addAll(journey);
        }
        start = journey.get(journey.size() - 1).to().plusDays(200 + random.nextInt(500));
      }
    }
    return tell(truth, journeyOf);
  }

  private List<TrueEvent> journey(int n, LocalDate start, List<String> people) {
    Place border = G.require(DPRK_BORDER[random.nextInt(DPRK_BORDER.length)]);
    Place hide = G.require(YANBIAN[random.nextInt(YANBIAN.length)]);
    List<TrueEvent> j = new ArrayList<>();
    LocalDate d = start;
    j.add(
        new TrueEvent(
            "t" + (n + j.size()), "border-crossing", d, d, border, people, List.of(), "PRK"));
    d = d.plusDays(1 + random.nextInt(10));
    LocalDate hidden = d.plusDays(20 + random.nextInt(300));
    j.add(
        new TrueEvent(
            "t" + (n + j.size()),
            "hiding",
            d,
            hidden,
            hide,
            people,
            random.nextDouble() < 0.3 ? List.of("extortion") : List.of(),
            "CHN"));
    d = hidden;
    j.add(
        new TrueEvent(
            "t" + (n + j.size()),
            "arrest",
            d,
            d,
            hide,
            people,
            List.of("arbitrary-arrest"),
            "CHN"));
    LocalDate released = d.plusDays(15 + random.nextInt(90));
    j.add(
        new TrueEvent(
            "t" + (n + j.size()),
            "detention",
            d,
            released,
            hide,
            people,
            random.nextDouble() < 0.5
                ? List.of("arbitrary-detention", "cruel-treatment")
                : List.of("arbitrary-detention"),
            "CHN"));
    d = released;
    j.add(
        new TrueEvent(
            "t" + (n + j.size()),
            "forced-return",
            d,
            d,
            G.require("cn.jilin.yanbian.tumen"),
            people,
            List.of("forced-return"),
            "CHN"));
    LocalDate out = d.plusDays(30 + random.nextInt(180));
    j.add(
        new TrueEvent(
            "t" + (n + j.size()),
            "detention",
            d.plusDays(1),
            out,
            border,
            people,
            random.nextDouble() < 0.6
                ? List.of("arbitrary-detention", "torture")
                : List.of("arbitrary-detention"),
            "PRK"));
    return j;
  }

  private Result tell(List<TrueEvent> truth, Map<String, List<TrueEvent>> journeyOf) {
    List<Source> sources = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<Act> acts = new ArrayList<>();
    List<Information> information = new ArrayList<>();
    Map<String, String> trueEventOf = new HashMap<>();
    int missedLink = 0;
    for (Map.Entry<String, List<TrueEvent>> e : new java.util.TreeMap<>(journeyOf).entrySet()) {
      if (random.nextDouble() >= interviewRate) {
        continue;
      }
      String teller = e.getKey();
      String source = "s-" + teller;
      sources.add(
          new Source(
              source,
              SourceKind.INTERVIEW,
              Optional.of("staff-" + random.nextInt(5)),
              Optional.empty(),
              Optional.of("ko"),
              Optional.empty(),
              "NGO " + (char) ('A' + random.nextInt(3)),
              new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2020, 1, 1)))),
              Reliability.MEDIUM,
              Optional.empty()));
      String previous = null;
      List<TrueEvent> journey = e.getValue();
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < journey.size(); k++) {
        ids.add(source + "-e" + k);
      }
      for (int k = 0; k < journey.size(); k++) {
        TrueEvent t = journey.get(k);
        String eventId = ids.get(k);
        String info = source + "-i" + k;
        List<String> named = new ArrayList<>();
        for (String p : t.people()) {
          if (p.equals(teller)) {
            named.add(p);
          } else if (random.nextDouble() < 0.8) {
            named.add(random.nextDouble() < 0.05 ? "x" + missedLink++ : p);
          }
        }
        String type = t.type();
        if (random.nextDouble() < 0.03 && (type.equals("arrest") || type.equals("detention"))) {
          type = type.equals("arrest") ? "detention" : "arrest";
        }
        DateRange when = tellDate(t.from(), t.to());
        Location where = Location.at(tellPlace(t.place()));
        // the people the teller names travelled on together: their journeys pass to the next event
        List<ChainLink> chain = new ArrayList<>();
        if (k + 1 < journey.size()) {
          for (String p : named) {
            chain.add(new ChainLink(ids.get(k + 1), new PersonRef(p)));
          }
        }
        events.add(
            new Event(
                eventId, V.eventType(type).orElseThrow(), when, where, Optional.empty(), chain));
        information.add(
            new Information(
                info,
                source,
                Optional.of(eventId),
                Optional.empty(),
                Reliability.MEDIUM,
                Observation.EXPERIENCED));
        trueEventOf.put(eventId, t.id());
        int a = 0;
        for (String actType : t.acts()) {
          if (random.nextDouble() >= 0.9) {
            continue;
          }
          for (String victim : named) {
            acts.add(
                new Act(
                    eventId + "-a" + a++,
                    eventId,
                    new PersonRef(victim),
                    V.actType(actType).orElseThrow(),
                    when,
                    where,
                    List.of(
                        new Involvement(
                            Institution.of(
                                V.institutionType(
                                        t.state().equals("CHN")
                                            ? "public-security"
                                            : "state-security")
                                    .orElseThrow(),
                                t.state()),
                            Degree.DIRECT)),
                    List.of(info)));
          }
        }
        previous = eventId;
      }
      assert previous != null;
    }
    return new Result(new Documentation(sources, events, acts, information), trueEventOf);
  }

  private DateRange tellDate(LocalDate from, LocalDate to) {
    LocalDate f = from;
    LocalDate t = to;
    if (random.nextDouble() < 0.2) {
      int shift = random.nextBoolean() ? 1 : -1;
      f = f.plusMonths(shift);
      t = t.plusMonths(shift);
    }
    double r = random.nextDouble();
    if (r < 0.3) {
      return new DateRange(PartialDate.of(f), PartialDate.of(t));
    }
    if (r < 0.7) {
      return new DateRange(
          PartialDate.ofMonth(f.getYear(), f.getMonthValue()),
          PartialDate.ofMonth(t.getYear(), t.getMonthValue()));
    }
    if (r < 0.85) {
      int m = f.getMonthValue();
      String season =
          m == 12 || m <= 2 ? "winter" : m <= 5 ? "spring" : m <= 8 ? "summer" : "autumn";
      DateRange s = DateRange.season(season, m <= 2 ? f.getYear() - 1 : f.getYear());
      PartialDate end = PartialDate.ofMonth(t.getYear(), t.getMonthValue());
      return s.end().latest().isBefore(end.earliest()) ? new DateRange(s.start(), end) : s;
    }
    return new DateRange(PartialDate.ofYear(f.getYear()), PartialDate.ofYear(t.getYear()));
  }

  private Place tellPlace(Place truth) {
    double r = random.nextDouble();
    if (r < 0.70) {
      return truth;
    }
    if (r < 0.95) {
      return G.parent(truth).orElse(truth);
    }
    List<Place> siblings =
        G.places().stream()
            .filter(p -> p.parent().equals(truth.parent()) && !p.equals(truth))
            .toList();
    return siblings.isEmpty() ? truth : siblings.get(random.nextInt(siblings.size()));
  }
}
