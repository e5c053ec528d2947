package dev.loupe.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model file imported into the workspace and what it says about itself. A file Loupe could not
 * inspect (a PyTorch {@code .pt} checkpoint) has a null task, no class names and an {@code
 * inspectError}.
 *
 * @param id stable identifier ({@code mdl_...})
 * @param projectId the project holding it, or null
 * @param format {@code onnx}, {@code torchscript} or {@code pt}
 * @param imgszH input height the model was exported with (0 when unknown)
 * @param kptShape keypoint shape of a pose model, else null
 * @param metadata the file's metadata entries as written
 * @param fileName the name the file was imported from
 * @param fileHash sha-256 of the file's bytes, in lower-case hex
 */
public record ModelRecord(
    String id,
    String slug,
    String name,
    String description,
    String projectId,
    String format,
    Task task,
    List<String> classNames,
    int imgszH,
    int imgszW,
    int stride,
    boolean endToEnd,
    KptShape kptShape,
    int channels,
    Map<String, String> metadata,
    String inspectError,
    String fileName,
    String fileHash,
    long fileSize,
    Instant createdAt,
    Instant updatedAt) {
  public ModelRecord {
    classNames = List.copyOf(classNames);
    metadata = Map.copyOf(metadata);
  }

  /** Whether Loupe's engines can run it (ONNX and TorchScript can, a .pt checkpoint cannot). */
  public boolean runnable() {
    return !"pt".equals(format);
  }

  /** The command that turns a .pt checkpoint into a file Loupe runs. */
  public String exportCommand() {
    return "yolo export model=" + fileName + " format=onnx";
  }
}
