package dev.loupe.core.formats.yolo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The data.yaml of an export, written so that {@code yolo train data=.../data.yaml} takes it
 * unchanged: no {@code path} key (Ultralytics then uses the yaml's own folder; a relative
 * {@code path} would be resolved against its global datasets folder instead), split folders
 * relative to the yaml, names as a map, kpt_shape and flip_idx for pose, then the dataset's other
 * keys in their original order.
 */
final class DataYamlText {
  private static final Set<String> WRITTEN =
      Set.of("path", "train", "val", "validation", "test", "names", "kpt_shape", "flip_idx", "nc");
  private static final Set<String> YAML_WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ .()/+-]*");
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  private DataYamlText() {}

  /** The yaml text; {@code splits} says which splits have images. */
  static String of(Dataset dataset, boolean hasTrain, boolean hasVal, boolean hasTest) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(dataset.name() == null ? "dataset" : oneLine(dataset.name()))
        .append(", exported by Loupe. Train with: yolo ").append(dataset.task().apiName())
        .append(" train data=data.yaml\n");
    sb.append("# no 'path' key: Ultralytics then reads the folders below relative to this file\n");
    if (hasTrain || !hasVal) {
      sb.append("train: images/train\n");
    } else {
      sb.append("train: images/val # no train images: Ultralytics needs train, so it uses val\n");
    }
    if (hasVal) {
      sb.append("val: images/val\n");
    } else {
      sb.append("val: images/train # no val images: Ultralytics needs val, so it validates on train\n");
    }
    if (hasTest) {
      sb.append("test: images/test\n");
    }
    if (dataset.task() == Task.POSE && dataset.kptShape() != null) {
      sb.append("kpt_shape: ").append(flow(dataset.kptShape().asList())).append('\n');
      if (dataset.flipIdx() != null) {
        sb.append("flip_idx: ").append(flow(dataset.flipIdx())).append('\n');
      }
    }
    if (dataset.extra().containsKey("nc")) {
      sb.append("nc: ").append(dataset.classCount()).append('\n');
    }
    sb.append("names:\n");
    List<String> names = dataset.classNames();
    for (int i = 0; i < names.size(); i++) {
      sb.append("  ").append(i).append(": ").append(scalar(names.get(i))).append('\n');
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    dataset.extra().forEach((k, v) -> {
      if (!WRITTEN.contains(k)) {
        extra.put(k, v);
      }
    });
    if (!extra.isEmpty()) {
      try {
        sb.append(YAML.writeValueAsString(extra));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the dataset's extra keys as YAML", e);
      }
    }
    return sb.toString();
  }

  /** {@code name} plain when YAML reads it back as the same string, else single-quoted. */
  static String scalar(String name) {
    String s = name == null ? "" : name;
    if (PLAIN.matcher(s).matches() && !s.endsWith(" ")
        && !YAML_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    return "'" + oneLine(s).replace("'", "''") + "'";
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }

  private static String flow(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }
}
