package dev.loupe.core.inference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX file's {@code metadata_props} and graph input shapes straight from its protobuf,
 * skipping the weights, without starting an engine (milliseconds even for large models).
 */
final class OnnxModelFile {
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_METADATA = 14;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int MAX_SMALL_FIELD = 64 * 1024 * 1024;

  /** A graph input: its name and shape, -1 for a dimension that is symbolic or unknown. */
  record Input(String name, long[] shape) {}

  private final Map<String, String> metadata;
  private final List<Input> inputs;

  private OnnxModelFile(Map<String, String> metadata, List<Input> inputs) {
    this.metadata = metadata;
    this.inputs = inputs;
  }

  Map<String, String> metadata() {
    return metadata;
  }

  List<Input> inputs() {
    return inputs;
  }

  /** The image input: the one named {@code images}, else the first. */
  Input imageInput() throws ModelLoadException {
    for (Input input : inputs) {
      if (input.name().equals("images")) {
        return input;
      }
    }
    if (inputs.isEmpty()) {
      throw new ModelLoadException("the ONNX graph has no input");
    }
    return inputs.get(0);
  }

  static OnnxModelFile read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Input> inputs = new ArrayList<>();
      List<String> initializers = new ArrayList<>();
      ChannelReader in = new ChannelReader(channel);
      long end = channel.size();
      while (in.position() < end) {
        long tag = in.varint();
        int field = (int) (tag >>> 3);
        int wire = (int) (tag & 7);
        if (field == MODEL_METADATA && wire == 2) {
          ProtoBytes entry = new ProtoBytes(in.bytes(in.varint()));
          String key = null;
          String value = "";
          while (entry.hasMore()) {
            long t = entry.varint();
            if ((t >>> 3) == 1 && (t & 7) == 2) {
              key = entry.string();
            } else if ((t >>> 3) == 2 && (t & 7) == 2) {
              value = entry.string();
            } else {
              entry.skip((int) (t & 7));
            }
          }
          if (key != null) {
            metadata.put(key, value);
          }
        } else if (field == MODEL_GRAPH && wire == 2) {
          long graphEnd = in.position() + in.varint();
          while (in.position() < graphEnd) {
            long t = in.varint();
            int f = (int) (t >>> 3);
            if (f == GRAPH_INPUT && (t & 7) == 2) {
              inputs.add(valueInfo(new ProtoBytes(in.bytes(in.varint()))));
            } else if (f == GRAPH_INITIALIZER && (t & 7) == 2) {
              long length = in.varint();
              long start = in.position();
              initializers.add(tensorName(in, start + length));
              in.seek(start + length);
            } else {
              in.skip((int) (t & 7));
            }
          }
        } else {
          in.skip(wire);
        }
      }
      inputs.removeIf(i -> initializers.contains(i.name())); // IR < 4 lists weights as inputs
      return new OnnxModelFile(metadata, inputs);
    } catch (IllegalStateException e) {
      throw new ModelLoadException(file.getFileName() + " is not a readable ONNX file: " + e.getMessage(), e);
    }
  }

  /** The name (field 8) of a TensorProto, reading only up to it. */
  private static String tensorName(ChannelReader in, long end) throws IOException {
    while (in.position() < end) {
      long t = in.varint();
      if ((t >>> 3) == 8 && (t & 7) == 2) {
        return new String(in.bytes(in.varint()), StandardCharsets.UTF_8);
      }
      in.skip((int) (t & 7));
    }
    return "";
  }

  private static Input valueInfo(ProtoBytes p) {
    String name = "";
    long[] shape = new long[0];
    while (p.hasMore()) {
      long t = p.varint();
      if ((t >>> 3) == 1 && (t & 7) == 2) {
        name = p.string();
      } else if ((t >>> 3) == 2 && (t & 7) == 2) {
        shape = tensorShape(new ProtoBytes(p.bytes()));
      } else {
        p.skip((int) (t & 7));
      }
    }
    return new Input(name, shape);
  }

  /** TypeProto.tensor_type (1) .shape (2) .dim (1) .dim_value (1). */
  private static long[] tensorShape(ProtoBytes type) {
    List<Long> dims = new ArrayList<>();
    while (type.hasMore()) {
      long t = type.varint();
      if ((t >>> 3) == 1 && (t & 7) == 2) {
        ProtoBytes tensor = new ProtoBytes(type.bytes());
        while (tensor.hasMore()) {
          long tt = tensor.varint();
          if ((tt >>> 3) == 2 && (tt & 7) == 2) {
            ProtoBytes shape = new ProtoBytes(tensor.bytes());
            while (shape.hasMore()) {
              long st = shape.varint();
              if ((st >>> 3) == 1 && (st & 7) == 2) {
                ProtoBytes dim = new ProtoBytes(shape.bytes());
                long value = -1;
                while (dim.hasMore()) {
                  long dt = dim.varint();
                  if ((dt >>> 3) == 1 && (dt & 7) == 0) {
                    value = dim.varint();
                  } else {
                    dim.skip((int) (dt & 7));
                  }
                }
                dims.add(value > 0 ? value : -1);
              } else {
                shape.skip((int) (st & 7));
              }
            }
          } else {
            tensor.skip((int) (tt & 7));
          }
        }
      } else {
        type.skip((int) (t & 7));
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** A protobuf message held in memory. */
  private static final class ProtoBytes {
    private final byte[] b;
    private int pos;

    ProtoBytes(byte[] b) {
      this.b = b;
    }

    boolean hasMore() {
      return pos < b.length;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= b.length) {
          throw new IllegalStateException("a number runs past the end of a message");
        }
        byte x = b[pos++];
        result |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return result;
        }
      }
      throw new IllegalStateException("a number longer than 64 bits");
    }

    byte[] bytes() {
      long n = varint();
      if (n < 0 || pos + n > b.length) {
        throw new IllegalStateException("a field runs past the end of its message");
      }
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + (int) n);
      pos += (int) n;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> bytes();
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unknown wire type " + wire);
      }
    }
  }

  /** Sequential reads over a file channel with a buffer, and seeks to skip large fields. */
  private static final class ChannelReader {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;

    ChannelReader(FileChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    long position() {
      return bufferStart + buffer.position();
    }

    void seek(long position) throws IOException {
      if (position >= bufferStart && position <= bufferStart + buffer.limit()) {
        buffer.position((int) (position - bufferStart));
        return;
      }
      bufferStart = position;
      buffer.limit(0);
    }

    private byte next() throws IOException {
      if (!buffer.hasRemaining()) {
        bufferStart += buffer.limit();
        buffer.clear();
        int n = channel.read(buffer, bufferStart);
        buffer.flip();
        if (n <= 0) {
          throw new IllegalStateException("the file ends inside a field");
        }
      }
      return buffer.get();
    }

    long varint() throws IOException {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = next();
        result |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return result;
        }
      }
      throw new IllegalStateException("a number longer than 64 bits");
    }

    byte[] bytes(long n) throws IOException {
      if (n < 0 || n > MAX_SMALL_FIELD) {
        throw new IllegalStateException("a field of " + n + " bytes where a small one belongs");
      }
      byte[] out = new byte[(int) n];
      for (int i = 0; i < n; i++) {
        out[i] = next();
      }
      return out;
    }

    void skip(int wire) throws IOException {
      switch (wire) {
        case 0 -> varint();
        case 1 -> seek(position() + 8);
        case 2 -> {
          long n = varint();
          seek(position() + n);
        }
        case 5 -> seek(position() + 4);
        default -> throw new IllegalStateException("unknown wire type " + wire);
      }
    }
  }
}
