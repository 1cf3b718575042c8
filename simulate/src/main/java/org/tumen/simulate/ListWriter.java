package org.tumen.simulate;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Writes one list's file and its rows of the truth. A duplicate (the same person recorded again,
 * written afresh) is held back and written after 1 to {@value #MAX_DUPLICATE_DELAY} further
 * records, as a second encounter would be, rather than next to the first.
 */
final class ListWriter implements Closeable {
  static final int MAX_DUPLICATE_DELAY = 500;

  private record Pending(long due, long order, Person person) {}

  private final String name;
  private final CSVPrinter out;
  private final CSVPrinter truth;
  private final RecordRenderer renderer;
  private final UniformRandomProvider rng;
  private final double duplicateRate;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order));
  private long records;
  private long people;
  private long heldBack;

  ListWriter(
      ListSpec spec,
      int maxInterviewDelayDays,
      Writer file,
      CSVPrinter truth,
      UniformRandomProvider rng)
      throws IOException {
    this.name = spec.name();
    this.out = new CSVPrinter(file, Csv.FORMAT);
    this.out.printRecord(spec.headers().columns());
    this.truth = truth;
    this.renderer = new RecordRenderer(spec, maxInterviewDelayDays);
    this.rng = rng;
    this.duplicateRate = spec.errors().duplicate();
  }

  /** Records a person the list saw. */
  void record(Person p) throws IOException {
    releaseDue();
    write(p);
    people++;
    if (rng.nextDouble() < duplicateRate) {
      pending.add(new Pending(records + 1 + rng.nextInt(MAX_DUPLICATE_DELAY), heldBack++, p));
    }
  }

  private void releaseDue() throws IOException {
    while (!pending.isEmpty() && pending.peek().due() <= records) {
      write(pending.poll().person());
    }
  }

  private void write(Person p) throws IOException {
    RecordRenderer.Rendered r = renderer.render(p, rng);
    String id = Long.toString(++records);
    out.print(id);
    for (String cell : r.cells()) {
      out.print(cell);
    }
    out.println();
    truth.printRecord(name, id, p.id());
  }

  long records() {
    return records;
  }

  long people() {
    return people;
  }

  /** Writes the duplicates still held back, then closes the file. */
  @Override
  public void close() throws IOException {
    while (!pending.isEmpty()) {
      write(pending.poll().person());
    }
    out.close();
  }
}
