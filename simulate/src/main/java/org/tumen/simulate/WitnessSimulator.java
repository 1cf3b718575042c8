package org.tumen.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.model.DateRange;
import org.tumen.model.DprkProvince;
import org.tumen.model.PartialDate;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;

/**
 * Interviews with synthetic witnesses (docs/simulation.md, "Witnesses"): people of the simulated
 * population travel in groups of one to three along the journey their {@link Fate} implies —
 * crossing, hiding, sale, arrest, detention, forced return, punishment; or consulate, transit and
 * arrival — and each member is interviewed with some probability. One interview is one source whose
 * synthetic testimony (Korean or English, from templates, marked synthetic) tells every event of
 * its teller's journey, with the usual noise of memory: companions not named, dates coarsened or a
 * month off, a place's parent or neighbour, arrest and detention confused, acts not mentioned.
 *
 * <p>Written as the tables {@code tumen document import} reads (the files are the contract): {@code
 * sources.csv}, {@code people.csv}, {@code acts.csv}, and {@code events-truth.csv}, which says for
 * every event record which true event it tells, so that de-duplication can be scored. Reproducible:
 * the same scenario, population, seed and group count give the same bytes.
 */
public final class WitnessSimulator {

  /** The probability that one member of a travelling group is interviewed. */
  static final double INTERVIEW_RATE = 0.6;

  /** Marks every testimony, in both languages. */
  static final String SYNTHETIC_KO = "[합성 자료: Tumen 시뮬레이터가 만든 가상의 증언이며 실제 인물에 관한 것이 아닙니다.]";

  static final String SYNTHETIC_EN =
      "[Synthetic: a fictitious testimony made by the Tumen simulator, about no real person.]";

  private static final Gazetteer G = Gazetteer.standard();
  private static final String[] YANBIAN = {
    "cn.jilin.yanbian.yanji",
    "cn.jilin.yanbian.tumen",
    "cn.jilin.yanbian.longjing",
    "cn.jilin.yanbian.helong",
    "cn.jilin.yanbian.hunchun",
    "cn.jilin.yanbian.wangqing"
  };
  private static final String[] FARTHER = {
    "cn.jilin.changchun", "cn.heilongjiang", "cn.liaoning.shenyang", "cn.jilin.yanbian.dunhua"
  };

  /** What was written. */
  public record Summary(
      Path directory,
      int groups,
      int sources,
      int people,
      int eventRecords,
      int trueEvents,
      int actRows) {}

  /** One act in a true event: its type and who did it. */
  private record TrueAct(String type, String perpetrator, String state) {}

  /** An event as it happened. */
  private record TrueEvent(
      String id, String type, LocalDate from, LocalDate to, Place place, List<TrueAct> acts) {}

  private final UniformRandomProvider random;
  private int trueEvents;
  private int missedLinks;

  private WitnessSimulator(long seed) {
    this.random = RandomStreams.witnesses(seed);
  }

  /**
   * Simulates {@code groups} travelling groups drawn from the population of {@link
   * Simulator#simulate} with the same scenario, population and seed (the same people, by the same
   * ids as {@code truth.csv}), and writes their interviews into {@code dir}.
   */
  public static Summary simulate(Scenario scenario, int population, long seed, int groups, Path dir)
      throws IOException {
    if (groups < 0) {
      throw new IllegalArgumentException("groups must not be negative, was " + groups);
    }
    Files.createDirectories(dir);
    return new WitnessSimulator(seed).run(scenario, population, seed, groups, dir);
  }

  private Summary run(Scenario scenario, int population, long seed, int groups, Path dir)
      throws IOException {
    PopulationGenerator people = new PopulationGenerator(scenario, seed);
    int used = 0;
    int made = 0;
    int sources = 0;
    int eventRecords = 0;
    int actRows = 0;
    Set<String> persons = new LinkedHashSet<>();
    Set<String> told = new java.util.HashSet<>();
    try (CSVPrinter src = printer(dir.resolve("sources.csv"));
        CSVPrinter acts = printer(dir.resolve("acts.csv"));
        CSVPrinter truth = printer(dir.resolve("events-truth.csv"))) {
      src.printRecord(
          "source",
          "kind",
          "holder",
          "date",
          "language",
          "interviewer",
          "reliability",
          "consent given",
          "consent withdrawn",
          "text");
      acts.printRecord(
          "act",
          "event",
          "event type",
          "victim",
          "group count",
          "act type",
          "date",
          "place",
          "perpetrator type",
          "perpetrator state",
          "degree",
          "source",
          "passage",
          "reliability",
          "observation",
          "next event");
      truth.printRecord("event", "true_event");
      for (int g = 0; g < groups; g++) {
        int size = random.nextDouble() < 0.5 ? 1 : random.nextDouble() < 0.6 ? 2 : 3;
        if (used + size > population) {
          break;
        }
        List<Person> group = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          group.add(people.next());
        }
        used += size;
        made++;
        List<TrueEvent> journey = journey(group.get(0));
        for (Person teller : group) {
          if (random.nextDouble() >= INTERVIEW_RATE) {
            continue;
          }
          Interview iv = tell(teller, group, journey);
          sources++;
          eventRecords += journey.size();
          actRows += iv.rows.size();
          persons.addAll(iv.persons);
          src.printRecord(iv.sourceRow);
          for (List<String> row : iv.rows) {
            acts.printRecord(row);
          }
          for (int k = 0; k < journey.size(); k++) {
            truth.printRecord(iv.source + "-e" + k, journey.get(k).id());
            told.add(journey.get(k).id());
          }
        }
      }
    }
    try (CSVPrinter p = printer(dir.resolve("people.csv"))) {
      p.printRecord("person");
      for (String id : persons) {
        p.printRecord(id);
      }
    }
    Files.writeString(
        dir.resolve("README.txt"),
        String.format(
            java.util.Locale.ROOT,
            "SYNTHETIC DATA made by the Tumen simulator (seed %d): interviews with fictitious"
                + " witnesses.%nNo real person is described. %d travelling groups, %d interviews,"
                + " %d event records of %d true events.%nImport: tumen document import --sources"
                + " sources.csv --people people.csv acts.csv%nevents-truth.csv says which true"
                + " event each event record tells (for scoring de-duplication).%n",
            seed,
            made,
            sources,
            eventRecords,
            told.size()),
        StandardCharsets.UTF_8);
    return new Summary(dir, made, sources, persons.size(), eventRecords, told.size(), actRows);
  }

  private static CSVPrinter printer(Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(w, Csv.FORMAT);
  }

  // ---- the journey as it happened

  private List<TrueEvent> journey(Person leader) {
    Place border = G.require(borderCounty(leader.province()));
    Place hide = G.require(YANBIAN[random.nextInt(YANBIAN.length)]);
    List<TrueEvent> j = new ArrayList<>();
    LocalDate d = leader.crossing();
    add(j, "border-crossing", d, d, border);
    d = d.plusDays(1 + random.nextInt(10));
    Fate fate = leader.fate();
    if (fate == Fate.TRAFFICKED) {
      LocalDate sold = d.plusDays(random.nextInt(30));
      add(
          j,
          "sale",
          sold,
          sold,
          hide,
          new TrueAct("trafficking-forced-marriage", "trafficker", ""));
      Place farther = G.require(FARTHER[random.nextInt(FARTHER.length)]);
      LocalDate married = sold.plusDays(3 + random.nextInt(20));
      add(
          j,
          "forced-marriage",
          married,
          married.plusDays(180 + random.nextInt(900)),
          farther,
          random.nextDouble() < 0.4
              ? List.of(new TrueAct("sexual-violence", "buyer", ""))
              : List.of());
      return j;
    }
    LocalDate hidden = d.plusDays(20 + random.nextInt(300));
    add(
        j,
        "hiding",
        d,
        hidden,
        hide,
        random.nextDouble() < 0.3 ? List.of(new TrueAct("extortion", "broker", "")) : List.of());
    if (fate == Fate.HIDING) {
      return j;
    }
    if (fate == Fate.REACHED_SOUTH) {
      Place consulate = G.require(random.nextBoolean() ? "cn.liaoning.shenyang" : "cn.beijing");
      LocalDate in = hidden.plusDays(1 + random.nextInt(5));
      add(j, "consulate-entry", in, in, consulate);
      LocalDate out = in.plusDays(30 + random.nextInt(200));
      add(j, "safe-passage", out, out.plusDays(5 + random.nextInt(20)), G.require("th.bangkok"));
      LocalDate arrived = out.plusDays(30 + random.nextInt(60));
      add(j, "arrival", arrived, arrived, G.require("kr.seoul"));
      return j;
    }
    d = hidden;
    add(j, "arrest", d, d, hide, new TrueAct("arbitrary-arrest", "public-security", "CHN"));
    LocalDate released = d.plusDays(15 + random.nextInt(90));
    List<TrueAct> held = new ArrayList<>();
    held.add(new TrueAct("arbitrary-detention", "detention-authority", "CHN"));
    if (random.nextDouble() < 0.5) {
      held.add(new TrueAct("cruel-treatment", "public-security", "CHN"));
    }
    add(j, "detention", d, fate == Fate.DETAINED ? d.plusDays(200) : released, hide, held);
    if (fate == Fate.DETAINED) {
      return j;
    }
    d = released;
    add(
        j,
        "forced-return",
        d,
        d,
        G.require("cn.jilin.yanbian.tumen"),
        new TrueAct("forced-return", "public-security", "CHN"));
    LocalDate out = d.plusDays(30 + random.nextInt(180));
    List<TrueAct> interrogated = new ArrayList<>();
    interrogated.add(new TrueAct("arbitrary-detention", "state-security", "PRK"));
    if (random.nextDouble() < 0.6) {
      interrogated.add(new TrueAct("torture", "state-security", "PRK"));
    }
    add(j, "detention", d.plusDays(1), out, border, interrogated);
    add(
        j,
        "punishment",
        out.plusDays(1),
        out.plusDays(90 + random.nextInt(270)),
        G.require(provinceOf(border)),
        new TrueAct("punishment-for-leaving", "social-security", "PRK"));
    return j;
  }

  private void add(List<TrueEvent> j, String type, LocalDate from, LocalDate to, Place p) {
    add(j, type, from, to, p, List.of());
  }

  private void add(
      List<TrueEvent> j, String type, LocalDate from, LocalDate to, Place p, TrueAct act) {
    add(j, type, from, to, p, List.of(act));
  }

  private void add(
      List<TrueEvent> j, String type, LocalDate from, LocalDate to, Place p, List<TrueAct> acts) {
    j.add(new TrueEvent("T" + trueEvents++, type, from, to, p, acts));
  }

  private String borderCounty(DprkProvince home) {
    return switch (home) {
      case RYANGGANG -> "kp.ryanggang.hyesan";
      case NORTH_PYONGAN, CHAGANG -> "kp.north-pyongan.sinuiju";
      default -> {
        String[] northEast = {
          "kp.north-hamgyong.hoeryong", "kp.north-hamgyong.musan", "kp.north-hamgyong.onsong"
        };
        yield northEast[random.nextInt(northEast.length)];
      }
    };
  }

  private static String provinceOf(Place county) {
    return county.parent().orElseThrow();
  }

  // ---- the interview

  private static final class Interview {
    String source;
    List<Object> sourceRow;
    final List<List<String>> rows = new ArrayList<>();
    final Set<String> persons = new LinkedHashSet<>();
  }

  private Interview tell(Person teller, List<Person> group, List<TrueEvent> journey) {
    Interview iv = new Interview();
    iv.source = "S-" + teller.id();
    boolean korean = random.nextDouble() < 0.7;
    Testimony text = new Testimony(korean);
    LocalDate last = journey.get(journey.size() - 1).to();
    LocalDate interviewed = last.plusDays(30 + random.nextInt(700));
    String holder =
        teller.fate() == Fate.REACHED_SOUTH
            ? "NGO Seoul (synthetic)"
            : random.nextDouble() < 0.8 ? "NGO Yanbian (synthetic)" : "NGO Bangkok (synthetic)";
    for (int k = 0; k < journey.size(); k++) {
      TrueEvent t = journey.get(k);
      String eventId = iv.source + "-e" + k;
      String next = k + 1 < journey.size() ? iv.source + "-e" + (k + 1) : "";
      List<String> named = new ArrayList<>();
      int companions = 0;
      for (Person p : group) {
        if (p == teller) {
          named.add(p.id());
        } else if (random.nextDouble() < 0.8) {
          companions++;
          named.add(random.nextDouble() < 0.05 ? "X" + missedLinks++ : p.id());
        }
      }
      iv.persons.addAll(named);
      String type = t.type();
      if (random.nextDouble() < 0.03 && (type.equals("arrest") || type.equals("detention"))) {
        type = type.equals("arrest") ? "detention" : "arrest";
      }
      DateRange when = tellDate(t.from(), t.to());
      Place where = tellPlace(t.place());
      List<TrueAct> told = new ArrayList<>();
      for (TrueAct a : t.acts()) {
        if (random.nextDouble() < 0.9) {
          told.add(a);
        }
      }
      int[] span =
          text.sentence(
              t.type(), when, where, companions, told.stream().map(TrueAct::type).toList());
      String passage = span[0] + ".." + span[1];
      int a = 0;
      for (String victim : named) {
        String observation = victim.equals(teller.id()) ? "experienced" : "seen";
        if (told.isEmpty()) {
          iv.rows.add(
              row(
                  eventId + "-r" + a++,
                  eventId,
                  type,
                  victim,
                  "",
                  when,
                  where,
                  null,
                  iv.source,
                  passage,
                  observation,
                  next));
        }
        for (TrueAct act : told) {
          iv.rows.add(
              row(
                  eventId + "-a" + a++,
                  eventId,
                  type,
                  victim,
                  act.type(),
                  when,
                  where,
                  act,
                  iv.source,
                  passage,
                  observation,
                  next));
        }
      }
    }
    iv.sourceRow =
        List.of(
            iv.source,
            "interview",
            holder,
            interviewed.toString(),
            korean ? "ko" : "en",
            "staff-" + (1 + random.nextInt(6)),
            random.nextDouble() < 0.7 ? "medium" : "high",
            interviewed.toString(),
            "",
            text.text());
    return iv;
  }

  private static List<String> row(
      String id,
      String event,
      String eventType,
      String victim,
      String actType,
      DateRange when,
      Place where,
      TrueAct act,
      String source,
      String passage,
      String observation,
      String next) {
    return List.of(
        id,
        event,
        eventType,
        victim,
        "",
        actType,
        when.toString(),
        where.code(),
        act == null ? "" : act.perpetrator(),
        act == null ? "" : act.state(),
        act == null ? "" : "direct",
        source,
        passage,
        "medium",
        observation,
        next);
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
    List<Place> siblings = siblings(truth);
    return siblings.isEmpty() ? truth : siblings.get(random.nextInt(siblings.size()));
  }

  private static final Map<String, List<Place>> SIBLINGS = new TreeMap<>();

  private static synchronized List<Place> siblings(Place p) {
    return SIBLINGS.computeIfAbsent(
        p.code(),
        k ->
            G.places().stream()
                .filter(q -> q.parent().equals(p.parent()) && !q.equals(p))
                .sorted(java.util.Comparator.comparing(Place::code))
                .toList());
  }
}
