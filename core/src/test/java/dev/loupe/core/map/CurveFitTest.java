package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurveFitTest {
  @Test
  void matchesUmapLearnsParametersForMinDistOneTenth() {
    // umap.umap_.find_ab_params(1.0, 0.1) = (1.5769434603113077, 0.8950608779109733)
    CurveFit fit = CurveFit.of(0.1, 1.0);

    assertThat(fit.a()).isCloseTo(1.5769, within(2e-3));
    assertThat(fit.b()).isCloseTo(0.8951, within(2e-3));
  }
}
