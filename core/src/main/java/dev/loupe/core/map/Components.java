package dev.loupe.core.map;

/**
 * The connected components of a graph, numbered in the order of their lowest point: {@code of(i)} is
 * point {@code i}'s component, whose points are {@code members()[start(c) .. start(c)+size(c)-1]} in
 * increasing order.
 */
final class Components {
  private final int[] component;
  private final int[] members;
  private final int[] starts;

  private Components(int[] component, int[] members, int[] starts) {
    this.component = component;
    this.members = members;
    this.starts = starts;
  }

  static Components of(FuzzyGraph graph) {
    int n = graph.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int e = graph.starts()[i]; e < graph.starts()[i + 1]; e++) {
        int ri = root(parent, i);
        int rj = root(parent, graph.columns()[e]);
        if (ri != rj) {
          parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
    }
    int[] component = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int r = root(parent, i);
      component[i] = r == i ? count++ : component[r];
    }
    int[] starts = new int[count + 1];
    for (int c : component) {
      starts[c + 1]++;
    }
    for (int c = 0; c < count; c++) {
      starts[c + 1] += starts[c];
    }
    int[] fill = java.util.Arrays.copyOf(starts, count);
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      members[fill[component[i]]++] = i;
    }
    return new Components(component, members, starts);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  int count() {
    return starts.length - 1;
  }

  int of(int point) {
    return component[point];
  }

  int start(int c) {
    return starts[c];
  }

  int size(int c) {
    return starts[c + 1] - starts[c];
  }

  int[] members() {
    return members;
  }
}
