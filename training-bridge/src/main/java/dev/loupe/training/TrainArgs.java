package dev.loupe.training;

import dev.loupe.core.domain.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to train: the arguments of {@code yolo TASK train} that Loupe sets (the data argument is the
 * exported dataset, added by the backend).
 *
 * @param model the base model: a checkpoint name Ultralytics downloads ({@code yolo11n.pt}), a
 *     model yaml, or a file
 * @param device {@code cpu}, {@code 0}, {@code 0,1}, {@code mps}; null lets Ultralytics choose
 * @param name the run's name; null: one is made from the dataset
 */
public record TrainArgs(Task task, String model, int epochs, int imgsz, int batch, String device, String name) {
  public static final int DEFAULT_EPOCHS = 100;
  public static final int DEFAULT_IMGSZ = 640;
  public static final int DEFAULT_BATCH = 16;

  public TrainArgs {
    if (task == null || task == Task.SEMANTIC) {
      throw new IllegalArgumentException(
          "the ultralytics CLI trains detect, segment, pose, obb and classify datasets, not " + task);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be 1 or more, got " + epochs);
    }
    if (imgsz < 32) {
      throw new IllegalArgumentException("imgsz must be 32 or more, got " + imgsz);
    }
    if (batch == 0 || batch < -1) {
      throw new IllegalArgumentException("batch must be 1 or more, or -1 (Ultralytics picks), got " + batch);
    }
    model = model == null || model.isBlank() ? defaultModel(task) : model.trim();
    device = device == null || device.isBlank() ? null : device.trim();
    name = name == null || name.isBlank() ? null : name.trim();
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "a run name is letters, digits, '.', '_' and '-' (it names the run's folder), not '" + name + "'");
    }
  }

  /** The defaults for a task: its nano YOLO11 model, 100 epochs, 640 pixels, batch 16. */
  public static TrainArgs defaults(Task task) {
    return new TrainArgs(task, null, DEFAULT_EPOCHS, DEFAULT_IMGSZ, DEFAULT_BATCH, null, null);
  }

  /** The pretrained nano YOLO11 checkpoint for a task ({@code yolo11n-seg.pt}, ...). */
  public static String defaultModel(Task task) {
    return switch (task) {
      case SEGMENT -> "yolo11n-seg.pt";
      case POSE -> "yolo11n-pose.pt";
      case OBB -> "yolo11n-obb.pt";
      case CLASSIFY -> "yolo11n-cls.pt";
      default -> "yolo11n.pt";
    };
  }

  public TrainArgs withModel(String value) {
    return new TrainArgs(task, value, epochs, imgsz, batch, device, name);
  }

  public TrainArgs withEpochs(int value) {
    return new TrainArgs(task, model, value, imgsz, batch, device, name);
  }

  public TrainArgs withImgsz(int value) {
    return new TrainArgs(task, model, epochs, value, batch, device, name);
  }

  public TrainArgs withBatch(int value) {
    return new TrainArgs(task, model, epochs, imgsz, value, device, name);
  }

  public TrainArgs withDevice(String value) {
    return new TrainArgs(task, model, epochs, imgsz, batch, value, name);
  }

  public TrainArgs withName(String value) {
    return new TrainArgs(task, model, epochs, imgsz, batch, device, value);
  }

  /** The arguments as {@code key=value} pairs in the order {@code yolo} is given them (device when set). */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("model", model);
    map.put("epochs", Integer.toString(epochs));
    map.put("imgsz", Integer.toString(imgsz));
    map.put("batch", Integer.toString(batch));
    if (device != null) {
      map.put("device", device);
    }
    return map;
  }
}
