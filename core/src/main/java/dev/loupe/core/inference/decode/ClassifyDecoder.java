package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Classify models: (1, nc) probabilities to the five most probable classes. */
final class ClassifyDecoder implements OutputDecoder {
  static final int TOP = 5;
  private final ModelInfo model;

  ClassifyDecoder(ModelInfo model) {
    this.model = model;
  }

  @Override
  public ImagePrediction decode(List<Tensor> outputs, DecodeContext context) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a classify model needs one output, got none");
    }
    Tensor output = outputs.get(0);
    int nc = output.data().length;
    if (output.rank() > 2 || (output.rank() == 2 && output.dim(0) != 1)) {
      throw new IllegalArgumentException(
          "classify output must be (1, classes), got " + Arrays.toString(output.shape()));
    }
    if (!model.names().isEmpty() && model.names().size() != nc) {
      throw new IllegalArgumentException(
          "classify output has " + nc + " values but the model names " + model.names().size() + " classes");
    }
    double[] probs = new double[nc];
    for (int i = 0; i < nc; i++) {
      probs[i] = output.data()[i];
    }
    int[] order = ScoreOrder.descending(probs, nc);
    List<ClassScore> top = new ArrayList<>(TOP);
    for (int i = 0; i < Math.min(TOP, nc); i++) {
      int id = order[i];
      top.add(new ClassScore(id, ClassNames.of(model.names(), id), probs[id]));
    }
    return new ImagePrediction(context.origH(), context.origW(), List.of(), top);
  }
}
