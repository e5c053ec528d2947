package dev.loupe.core.inference;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the metadata an Ultralytics export carries (ONNX {@code metadata_props}, or the TorchScript
 * {@code config.txt}, values as Python literals or JSON) into a {@link ModelInfo}.
 */
public final class ModelMetadata {
  private ModelMetadata() {}

  /**
   * @param format {@code onnx} or {@code torchscript}
   * @param metadata every entry as a string (ONNX) or the JSON values rendered back to text
   * @param file the model's name, for the messages
   * @throws ModelLoadException when the task or the class names are missing or unreadable
   */
  public static ModelInfo toInfo(String format, Map<String, String> metadata, String file)
      throws ModelLoadException {
    try {
      String taskText = metadata.get("task");
      String namesText = metadata.get("names");
      if (taskText == null || namesText == null) {
        throw new ModelLoadException(
            file + " has no Ultralytics metadata (task and names); export it with `yolo export"
                + " model=MODEL.pt format=onnx`");
      }
      Task task = Task.parse(asString(PythonLiteral.parse(literalOrWord(taskText))));
      List<String> names = names(PythonLiteral.parse(namesText));
      int[] imgsz = imgsz(metadata.get("imgsz"));
      int stride = intValue(metadata.get("stride"), 32);
      int channels = intValue(metadata.get("channels"), 3);
      boolean endToEnd = isTrue(metadata.get("end2end")) || nmsInArgs(metadata.get("args"));
      KptShape kptShape = kptShape(metadata.get("kpt_shape"));
      if (task == Task.POSE && kptShape == null) {
        throw new ModelLoadException(file + " is a pose model without kpt_shape in its metadata");
      }
      return new ModelInfo(
          format, task, names, imgsz[0], imgsz[1], stride, endToEnd, kptShape, channels, metadata);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ModelLoadException(file + " has metadata Loupe cannot read: " + e.getMessage(), e);
    }
  }

  /** Class names from a dict {@code {0: 'a', 1: 'b'}} (gaps named {@code classN}) or a list. */
  static List<String> names(Object value) {
    if (value instanceof List<?> list) {
      List<String> names = new ArrayList<>(list.size());
      for (Object o : list) {
        names.add(String.valueOf(o));
      }
      return names;
    }
    if (value instanceof Map<?, ?> map) {
      TreeMap<Integer, String> byId = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        int id = toInt(e.getKey());
        if (id < 0) {
          throw new IllegalArgumentException("negative class id " + id + " in names");
        }
        byId.put(id, String.valueOf(e.getValue()));
      }
      List<String> names = new ArrayList<>();
      if (!byId.isEmpty()) {
        for (int i = 0; i <= byId.lastKey(); i++) {
          names.add(byId.getOrDefault(i, "class" + i));
        }
      }
      return names;
    }
    throw new IllegalArgumentException("names is neither a dict nor a list: " + value);
  }

  /** {@code [h, w]}, or one number for a square. 640 x 640 when absent. */
  static int[] imgsz(String text) {
    if (text == null) {
      return new int[] {640, 640};
    }
    Object value = PythonLiteral.parse(text);
    if (value instanceof List<?> list) {
      if (list.size() == 1) {
        int side = toInt(list.get(0));
        return new int[] {side, side};
      }
      if (list.size() == 2) {
        return new int[] {toInt(list.get(0)), toInt(list.get(1))};
      }
      throw new IllegalArgumentException("imgsz needs one or two numbers, got " + text);
    }
    int side = toInt(value);
    return new int[] {side, side};
  }

  static KptShape kptShape(String text) {
    if (text == null) {
      return null;
    }
    Object value = PythonLiteral.parse(text);
    if (value == null) {
      return null;
    }
    List<?> list = (List<?>) value;
    if (list.size() != 2) {
      throw new IllegalArgumentException("kpt_shape needs two numbers, got " + text);
    }
    return new KptShape(toInt(list.get(0)), toInt(list.get(1)));
  }

  private static boolean nmsInArgs(String text) {
    if (text == null) {
      return false;
    }
    Object args = PythonLiteral.parse(text);
    return args instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("nms"));
  }

  private static boolean isTrue(String text) {
    return text != null && Boolean.TRUE.equals(PythonLiteral.parse(literalOrWord(text)));
  }

  private static int intValue(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    Object value = PythonLiteral.parse(text);
    if (value instanceof List<?> list && !list.isEmpty()) { // stride may be written as a list
      value = list.get(list.size() - 1);
    }
    return value == null ? fallback : toInt(value);
  }

  /** ONNX stores the task bare ({@code detect}); quote a bare word so the parser takes it. */
  private static String literalOrWord(String text) {
    String trimmed = text.trim();
    if (trimmed.matches("[A-Za-z_][A-Za-z0-9_]*")
        && !List.of("True", "False", "None", "true", "false", "null").contains(trimmed)) {
      return "'" + trimmed + "'";
    }
    return trimmed;
  }

  private static String asString(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("expected a word, got " + value);
  }

  private static int toInt(Object value) {
    if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
      return d.intValue();
    }
    if (value instanceof String s) {
      return Integer.parseInt(s.trim());
    }
    throw new IllegalArgumentException("expected a whole number, got " + value);
  }
}
