package dev.loupe.core.inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tiny ONNX models whose outputs are known exactly (a small protobuf writer for ModelProto,
 * GraphProto, NodeProto, TensorProto and metadata_props): each output is a constant tensor plus
 * {@code 0 * ReduceSum(images)}, so it depends on the input (ONNX Runtime cannot fold the graph
 * away). For tests of every task without real models, and for measuring the cost around a model.
 */
public final class ConstantOnnxModel {
  private final long[] inputShape;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final List<String> outputNames = new ArrayList<>();
  private final List<long[]> outputShapes = new ArrayList<>();
  private final List<float[]> outputValues = new ArrayList<>();
  private boolean outputSizesDeclared = true;

  public ConstantOnnxModel(long... inputShape) {
    this.inputShape = inputShape;
  }

  public ConstantOnnxModel meta(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** An output named {@code output0}, {@code output1}, ... in the order they are added. */
  public ConstantOnnxModel output(float[] values, long... shape) {
    outputNames.add("output" + outputNames.size());
    outputShapes.add(shape);
    outputValues.add(values);
    return this;
  }

  /**
   * Makes every output's size known only when the model runs, as for an export whose output size
   * follows its input's: each output is reshaped by a shape computed from the input (its values
   * plus 0), so that ONNX Runtime cannot infer it, and declared with dynamic dimensions.
   */
  public ConstantOnnxModel outputSizesUndeclared() {
    outputSizesDeclared = false;
    return this;
  }

  public Path write(Path file) throws IOException {
    Files.write(file, model());
    return file;
  }

  public byte[] model() {
    Proto graph = new Proto();
    graph.message(1, node("ReduceSum", List.of("images"), "sum", Map.of("keepdims", 0L)));
    graph.message(1, node("Mul", List.of("sum", "zero"), "nothing", Map.of()));
    if (!outputSizesDeclared) {
      graph.message(1, node("Cast", List.of("nothing"), "nothing_int", Map.of("to", 7L))); // INT64
    }
    for (int i = 0; i < outputNames.size(); i++) {
      if (outputSizesDeclared) {
        graph.message(1, node("Add", List.of("const" + i, "nothing"), outputNames.get(i), Map.of()));
      } else {
        graph.message(1, node("Add", List.of("shape" + i, "nothing_int"), "runshape" + i, Map.of()));
        graph.message(1, node("Reshape", List.of("const" + i, "runshape" + i), outputNames.get(i), Map.of()));
      }
    }
    graph.string(2, "loupe_test");
    graph.message(5, tensor("zero", new float[] {0f}, new long[0]));
    for (int i = 0; i < outputNames.size(); i++) {
      graph.message(5, tensor("const" + i, outputValues.get(i), outputShapes.get(i)));
      if (!outputSizesDeclared) {
        graph.message(5, longs("shape" + i, outputShapes.get(i)));
      }
    }
    graph.message(11, valueInfo("images", inputShape));
    for (int i = 0; i < outputNames.size(); i++) {
      long[] declared = outputShapes.get(i).clone();
      if (!outputSizesDeclared) {
        Arrays.fill(declared, 1, declared.length, -1);
      }
      graph.message(12, valueInfo(outputNames.get(i), declared));
    }
    Proto model = new Proto();
    model.varint(1, 8); // ir_version
    model.string(2, "loupe-tests");
    model.message(7, graph);
    Proto opset = new Proto();
    opset.string(1, "");
    opset.varint(2, 13);
    model.message(8, opset);
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      Proto entry = new Proto();
      entry.string(1, e.getKey());
      entry.string(2, e.getValue());
      model.message(14, entry);
    }
    return model.bytes();
  }

  private static Proto node(String op, List<String> inputs, String output, Map<String, Long> intAttributes) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    node.string(2, output);
    node.string(3, op + "_" + output);
    node.string(4, op);
    for (Map.Entry<String, Long> a : intAttributes.entrySet()) {
      Proto attribute = new Proto();
      attribute.string(1, a.getKey());
      attribute.varint(3, a.getValue());
      attribute.varint(20, 2); // AttributeType INT
      node.message(5, attribute);
    }
    return node;
  }

  private static Proto tensor(String name, float[] values, long[] shape) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    return tensor(name, shape, 1, raw.array()); // FLOAT
  }

  /** A one-dimensional INT64 tensor. */
  private static Proto longs(String name, long[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      raw.putLong(v);
    }
    return tensor(name, new long[] {values.length}, 7, raw.array()); // INT64
  }

  /** A TensorProto of ONNX data type {@code dataType} with its little-endian raw bytes. */
  private static Proto tensor(String name, long[] shape, int dataType, byte[] raw) {
    Proto t = new Proto();
    for (long d : shape) {
      t.varint(1, d);
    }
    t.varint(2, dataType);
    t.string(8, name);
    t.bytes(9, raw);
    return t;
  }

  private static Proto valueInfo(String name, long[] shape) {
    Proto dims = new Proto();
    for (long d : shape) {
      Proto dim = new Proto();
      if (d > 0) {
        dim.varint(1, d);
      } else {
        dim.string(2, "dynamic");
      }
      dims.message(1, dim);
    }
    Proto tensorType = new Proto();
    tensorType.varint(1, 1); // FLOAT
    tensorType.message(2, dims);
    Proto type = new Proto();
    type.message(1, tensorType);
    Proto info = new Proto();
    info.string(1, name);
    info.message(2, type);
    return info;
  }

  /** A protobuf message being written: fields in the order they are added. */
  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long value) {
      tag(field, 0);
      raw(value);
    }

    void string(int field, String value) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.writeBytes(value);
    }

    void message(int field, Proto message) {
      bytes(field, message.bytes());
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void tag(int field, int wire) {
      raw(((long) field << 3) | wire);
    }

    private void raw(long value) {
      while ((value & ~0x7fL) != 0) {
        out.write((int) ((value & 0x7f) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
