package org.tumen.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.SpreadsheetSafe;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Source;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;
import org.tumen.store.PrivateFiles;

/**
 * Writes a documentation graph as {@code documentation.json} (the whole graph) and {@code acts.csv}
 * (one row per act, with a second header row of HXL hashtags), owner-only. Whether testimony and
 * summaries are in it depends only on the graph given: the pseudonymised export is given the codes
 * alone ({@code loadCodes}), so no text can leak into it.
 */
final class DocumentationExport {

  /**
   * The acts table's columns and their HXL hashtags (https://hxlstandard.org/standard/1-1final/).
   */
  static final List<List<String>> ACT_COLUMNS =
      List.of(
          List.of("act", "#event+act+id"),
          List.of("event", "#event+id"),
          List.of("act type", "#event+type+code"),
          List.of("date start", "#date+start"),
          List.of("date end", "#date+end"),
          List.of("country", "#country+code"),
          List.of("region", "#adm1+code"),
          List.of("district", "#adm2+code"),
          List.of("place", "#loc+code"),
          List.of("victims", "#affected+victims+num"),
          List.of("perpetrator type", "#org+perpetrator+type"),
          List.of("perpetrator state", "#country+perpetrator+code"),
          List.of("sources", "#meta+sources+num"));

  private final Gazetteer gazetteer;

  DocumentationExport(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  void write(Documentation d, Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (Writer w = PrivateFiles.newWriter(dir.resolve("documentation.json"))) {
      m.writeValue(w, json(m, d));
    }
    try (Writer w = PrivateFiles.newWriter(dir.resolve("acts.csv"));
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
      p.printRecord(ACT_COLUMNS.stream().map(c -> c.get(0)).toList());
      p.printRecord(ACT_COLUMNS.stream().map(c -> c.get(1)).toList());
      Map<String, String> sourceOfInfo = new HashMap<>();
      d.information().forEach(i -> sourceOfInfo.put(i.id(), i.source()));
      for (Act a : d.acts()) {
        Place at = a.where().place();
        Set<String> sources = new HashSet<>();
        a.information().forEach(i -> sources.add(sourceOfInfo.get(i)));
        Optional<Institution> by =
            a.involvements().stream()
                .map(Involvement::perpetrator)
                .filter(Institution.class::isInstance)
                .map(Institution.class::cast)
                .findFirst();
        p.printRecord(
            cell(a.id()),
            cell(a.event()),
            cell(a.type().code()),
            cell(a.when().start().toString()),
            cell(a.when().end().toString()),
            cell(gazetteer.country(at).iso3().orElse("")),
            cell(level(at, PlaceLevel.REGION)),
            cell(level(at, PlaceLevel.DISTRICT)),
            cell(at.code()),
            a.victim().headcount(),
            cell(by.map(i -> i.type().code()).orElse("")),
            cell(by.flatMap(Institution::state).orElse("")),
            sources.size());
      }
    }
  }

  /** The place's ancestor at {@code level}, or blank when the place is known only more coarsely. */
  private String level(Place p, PlaceLevel level) {
    return p.level().compareTo(level) < 0 ? "" : gazetteer.atLevel(p, level).code();
  }

  private static String cell(String v) {
    return SpreadsheetSafe.cell(v);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static ObjectNode json(ObjectMapper m, Documentation d) {
    ObjectNode root = m.createObjectNode();
    ArrayNode sources = root.putArray("sources");
    for (Source s : d.sources()) {
      ObjectNode o = sources.addObject();
      o.put("id", s.id());
      o.put("kind", lower(s.kind()));
      s.interviewer().ifPresent(v -> o.put("interviewer", v));
      s.date().ifPresent(v -> o.put("date", v.toString()));
      s.language().ifPresent(v -> o.put("language", v));
      s.place().ifPresent(v -> location(o.putObject("place"), v));
      o.put("holder", s.holder());
      o.put("reliability", lower(s.reliability()));
      ArrayNode consent = o.putArray("consent");
      for (ConsentGrant g : s.consent().grants()) {
        ObjectNode c = consent.addObject();
        c.put("use", lower(g.use()));
        c.put("given", g.given().toString());
        g.withdrawn().ifPresent(w -> c.put("withdrawn", w.toString()));
        ArrayNode partners = c.putArray("partners");
        g.partners().stream().sorted().forEach(partners::add);
      }
      s.text().ifPresent(t -> o.put("text", t));
    }
    ArrayNode events = root.putArray("events");
    for (Event e : d.events()) {
      ObjectNode o = events.addObject();
      o.put("id", e.id());
      o.put("type", e.type().code());
      o.put("when", e.when().toString());
      location(o.putObject("where"), e.where());
      e.summary().ifPresent(t -> o.put("summary", t));
      ArrayNode chain = o.putArray("chain");
      for (ChainLink l : e.chain()) {
        chain.addObject().put("next", l.next()).put("person", l.person().id());
      }
    }
    ArrayNode acts = root.putArray("acts");
    for (Act a : d.acts()) {
      ObjectNode o = acts.addObject();
      o.put("id", a.id());
      o.put("event", a.event());
      ObjectNode v = o.putObject("victim");
      if (a.victim() instanceof Group g) {
        v.put("group", g.id()).put("count", g.count());
      } else {
        v.put("person", a.victim().id());
      }
      o.put("type", a.type().code());
      o.put("when", a.when().toString());
      location(o.putObject("where"), a.where());
      ArrayNode inv = o.putArray("involvements");
      for (Involvement i : a.involvements()) {
        ObjectNode io = inv.addObject();
        if (i.perpetrator() instanceof PersonRef p) {
          io.put("person", p.id());
        } else if (i.perpetrator() instanceof Institution t) {
          io.put("institution", t.type().code());
          t.state().ifPresent(x -> io.put("state", x));
          t.unit().ifPresent(x -> io.put("unit", x));
        }
        io.put("degree", lower(i.degree()));
      }
      ArrayNode info = o.putArray("information");
      a.information().forEach(info::add);
    }
    ArrayNode information = root.putArray("information");
    for (Information i : d.information()) {
      ObjectNode o = information.addObject();
      o.put("id", i.id());
      o.put("source", i.source());
      i.event().ifPresent(e -> o.put("event", e));
      i.passage()
          .ifPresent(
              p -> {
                ObjectNode po = o.putObject("passage");
                if (p instanceof Passage.TextSpan t) {
                  po.put("start", t.start()).put("end", t.end());
                } else if (p instanceof Passage.TimeSpan t) {
                  po.put("from", t.start().toString()).put("to", t.end().toString());
                }
              });
      o.put("reliability", lower(i.reliability()));
      o.put("observation", lower(i.observation()));
    }
    return root;
  }

  private static void location(ObjectNode o, Location l) {
    o.put("place", l.place().code());
    o.put("precision", lower(l.precision()));
    o.put("approximate", l.approximate());
  }
}
