package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.model.Progress;

/**
 * The FEBRL benchmark (Christen's generator; files in ../shared/data/febrl, truth in the ids).
 * Floors from issue 5: F1 ≥ 0.995 on dataset4a × dataset4b with every field, ≥ 0.994 without
 * soc_sec_id, ≥ 0.993 on dataset3 (deduplication).
 */
class FebrlTest {

  private static Evaluation run(List<SourceTable> tables, LinkSpec spec) {
    LinkResult r = new Linker().link(tables, spec, Progress.NONE);
    Evaluation e = Evaluation.of(r, SharedData.febrlTruth(tables));
    System.out.printf(
        "%s: P %.4f R %.4f F1 %.4f clusters %d people %d blocking recall %.4f%n",
        tables.stream().map(SourceTable::name).toList(),
        e.precision(),
        e.recall(),
        e.f1(),
        e.clusters(),
        e.people(),
        e.blockingRecall());
    r.model().notes().forEach(n -> System.out.println("  " + n));
    r.model().fields().forEach(f -> System.out.println("  " + f));
    return e;
  }

  @Test
  void dataset4AllFields() {
    List<SourceTable> t = List.of(SharedData.febrl("dataset4a"), SharedData.febrl("dataset4b"));
    assertThat(run(t, LinkSpec.infer(t)).f1()).isGreaterThanOrEqualTo(0.995);
  }

  @Test
  void dataset4WithoutSocialSecurityId() {
    List<SourceTable> t = List.of(SharedData.febrl("dataset4a"), SharedData.febrl("dataset4b"));
    LinkSpec inferred = LinkSpec.infer(t);
    List<FieldSpec> fields =
        inferred.fields().stream()
            .map(
                f ->
                    f.columns().contains("soc_sec_id")
                        ? new FieldSpec(f.columns(), FieldType.IGNORE, f.role())
                        : f)
            .toList();
    LinkSpec spec =
        new LinkSpec(
            inferred.idColumns(),
            fields,
            List.of(),
            inferred.threshold(),
            inferred.reviewLow(),
            inferred.reviewHigh());
    assertThat(run(t, spec).f1()).isGreaterThanOrEqualTo(0.994);
  }

  @Test
  void dataset3Deduplication() {
    List<SourceTable> t = List.of(SharedData.febrl("dataset3"));
    assertThat(run(t, LinkSpec.infer(t)).f1()).isGreaterThanOrEqualTo(0.993);
  }
}
