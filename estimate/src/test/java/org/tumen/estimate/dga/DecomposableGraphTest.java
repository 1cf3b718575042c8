package org.tumen.estimate.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecomposableGraphTest {
  /**
   * Labelled chordal graphs on n vertices: 1, 2, 8, 61, 822, 18154 (OEIS A058862), the numbers of
   * graphs in dga's graphs3, graphs4 and graphs5 (8, 61 and 822, checked in R 4.2.2 with dga
   * 2.0.2).
   */
  @ParameterizedTest
  @CsvSource({"3, 8", "4, 61", "5, 822"})
  void enumeratesEveryLabelledChordalGraph(int lists, int count) {
    List<DecomposableGraph> graphs = DecomposableGraph.all(lists);
    assertThat(graphs).hasSize(count).doesNotHaveDuplicates();
  }

  /**
   * In a junction tree, the cliques cover the vertices, no clique holds another, and the number of
   * non-empty separators is the number of cliques minus the number of connected components.
   */
  @ParameterizedTest
  @CsvSource({"3", "4", "5"})
  void cliquesAndSeparatorsFormAJunctionTree(int lists) {
    for (DecomposableGraph g : DecomposableGraph.all(lists)) {
      int[] cliques = g.cliques();
      int union = 0;
      for (int c : cliques) {
        union |= c;
        for (int d : cliques) {
          assertThat(c != d && (c & d) == c).as("%s: clique inside another", g).isFalse();
        }
      }
      assertThat(union).isEqualTo((1 << lists) - 1);
      assertThat(g.separators().length).isEqualTo(cliques.length - components(cliques));
      for (int s : g.separators()) {
        assertThat(Integer.bitCount(s)).isPositive();
      }
    }
  }

  /** The cycle 1-2-3-4-1 has no chord: it is not decomposable, and adding a chord makes it so. */
  @Test
  void theFourCycleIsLeftOutAndItsChordedFormIsIn() {
    Set<String> names = new HashSet<>();
    DecomposableGraph.all(4).forEach(g -> names.add(g.notation()));
    assertThat(names).doesNotContain("[1,2][1,4][2,3][3,4]");
    assertThat(names).contains("[1,2,3][1,3,4]", "[1,2][1,3][1,4]", "[1][2][3][4]", "[1,2,3,4]");
  }

  @Test
  void theChainOnThreeListsHasOneSeparator() {
    DecomposableGraph chain =
        DecomposableGraph.all(3).stream()
            .filter(g -> g.notation().equals("[1,2][2,3]"))
            .findFirst()
            .orElseThrow();
    assertThat(chain.separators()).containsExactly(0b010);
  }

  @Test
  void refusesListCountsItDoesNotEnumerate() {
    assertThatThrownBy(() -> DecomposableGraph.all(2)).hasMessageContaining("3 to 5 lists");
    assertThatThrownBy(() -> DecomposableGraph.all(6)).hasMessageContaining("3 to 5 lists");
  }

  private static int components(int[] cliques) {
    int[] parent = new int[cliques.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < cliques.length; i++) {
      for (int j = i + 1; j < cliques.length; j++) {
        if ((cliques[i] & cliques[j]) != 0) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    int roots = 0;
    for (int i = 0; i < parent.length; i++) {
      roots += find(parent, i) == i ? 1 : 0;
    }
    return roots;
  }

  private static int find(int[] parent, int i) {
    return parent[i] == i ? i : find(parent, parent[i]);
  }
}
