package dev.loupe.core.inference;

import ai.djl.Model;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * An ONNX model opened with DJL's ONNX Runtime engine (DJL's {@link Model} owns the session and
 * closes it), run through ONNX Runtime's own session (ADR 0009): the input is the caller's direct
 * buffer as it is, and ONNX Runtime writes the outputs into buffers this session made once
 * ("pinned" outputs), from which they are copied into arrays that are reused run after run. DJL's
 * predictor cannot take preallocated outputs: it gets fresh engine outputs and a fresh copy of each
 * on every run. Outputs whose shape depends on the input (a dynamic model) are taken the ordinary
 * way. Thread-safe: each calling thread borrows its own set of outputs.
 */
final class OnnxSession extends EngineSession {
  private final Model model;
  private final OrtSession session;
  private final OrtEnvironment env;
  private final String inputName;
  private final Map<String, TensorInfo> outputs = new LinkedHashMap<>();
  /** Whether every output is float32 of a size the graph fixes (then it can be pinned). */
  private final boolean pinnable;
  private final Queue<Outputs> idle = new ConcurrentLinkedQueue<>();
  private final Set<Outputs> all = ConcurrentHashMap.newKeySet();

  /**
   * @param model the DJL model that owns {@code session}
   * @param inputName the image input the caller's tensors go to
   */
  OnnxSession(Model model, OrtSession session, String inputName, long[] inputShape, String description)
      throws OrtException, ModelLoadException {
    super(inputShape, description);
    this.model = model;
    this.session = session;
    this.env = OrtEnvironment.getEnvironment();
    this.inputName = inputName;
    for (Map.Entry<String, NodeInfo> entry : session.getOutputInfo().entrySet()) {
      if (!(entry.getValue().getInfo() instanceof TensorInfo tensor)) {
        throw new ModelLoadException(
            "model output " + entry.getKey() + " is not a tensor; Loupe reads the tensors of Ultralytics exports");
      }
      outputs.put(entry.getKey(), tensor);
    }
    this.pinnable = outputs.values().stream()
        .allMatch(t -> t.type == OnnxJavaType.FLOAT && Arrays.stream(t.getShape()).allMatch(d -> d > 0));
  }

  @Override
  public <T> T run(FloatBuffer input, long[] shape, Function<List<Tensor>, T> reader) {
    int count = checkRun(input, shape);
    Outputs pinned = borrow();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input.duplicate().clear().limit(count), shape)) {
      Map<String, OnnxTensor> feed = Map.of(inputName, tensor);
      if (pinned != null) {
        try (OrtSession.Result ignored = session.run(feed, pinned.byName)) {
          return reader.apply(pinned.read());
        }
      }
      try (OrtSession.Result result = session.run(feed)) {
        return reader.apply(copies(result));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the model failed to run: " + e.getMessage(), e);
    } finally {
      if (pinned != null) {
        idle.offer(pinned);
      }
    }
  }

  /**
   * A set of pinned outputs, or null when some output's size is known only after the run (then
   * ONNX Runtime allocates them). A size the graph fixes does not depend on the input's.
   */
  private Outputs borrow() {
    if (!pinnable) {
      return null;
    }
    Outputs found = idle.poll();
    if (found != null) {
      return found;
    }
    try {
      Outputs made = new Outputs();
      all.add(made);
      return made;
    } catch (OrtException e) {
      throw new IllegalStateException("cannot allocate the model's outputs: " + e.getMessage(), e);
    }
  }

  /** Every output copied out of ONNX Runtime's own tensors. */
  private static List<Tensor> copies(OrtSession.Result result) {
    List<Tensor> out = new ArrayList<>(result.size());
    for (Map.Entry<String, OnnxValue> entry : result) {
      if (!(entry.getValue() instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
        throw notFloat32(entry.getKey(), entry.getValue().getInfo());
      }
      FloatBuffer values = tensor.getFloatBuffer();
      float[] data;
      if (values.hasArray() && values.arrayOffset() == 0 && values.array().length == values.remaining()) {
        data = values.array();
      } else {
        data = new float[values.remaining()];
        values.get(data);
      }
      out.add(new Tensor(data, tensor.getInfo().getShape()));
    }
    return out;
  }

  @Override
  public void close() {
    markClosed();
    for (Outputs set : all) {
      set.close();
    }
    all.clear();
    idle.clear();
    model.close();
  }

  /** One caller's outputs: where ONNX Runtime writes them, and the arrays they are read into. */
  private final class Outputs implements AutoCloseable {
    final Map<String, OnnxTensor> byName = new LinkedHashMap<>();
    final List<FloatBuffer> buffers = new ArrayList<>();
    final List<Tensor> tensors = new ArrayList<>();

    Outputs() throws OrtException {
      try {
        for (Map.Entry<String, TensorInfo> entry : outputs.entrySet()) {
          long[] shape = entry.getValue().getShape();
          int count = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
          FloatBuffer buffer =
              ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
          byName.put(entry.getKey(), OnnxTensor.createTensor(env, buffer, shape));
          buffers.add(buffer);
          tensors.add(new Tensor(new float[count], shape));
        }
      } catch (OrtException | RuntimeException e) {
        close();
        throw e;
      }
    }

    List<Tensor> read() {
      for (int i = 0; i < buffers.size(); i++) {
        buffers.get(i).get(0, tensors.get(i).data());
      }
      return tensors;
    }

    @Override
    public void close() {
      byName.values().forEach(OnnxTensor::close);
    }
  }
}
