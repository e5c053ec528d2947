package dev.loupe.app.cli;

import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.SplitRatios;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for Loupe's values, so a bad value is a usage error naming the valid ones. */
final class Converters {
  private Converters() {}

  private static TypeConversionException usage(IllegalArgumentException e) {
    return new TypeConversionException(e.getMessage());
  }

  static final class TaskConverter implements ITypeConverter<Task> {
    @Override
    public Task convert(String value) {
      try {
        return Task.parse(value);
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
    }
  }

  static final class SplitConverter implements ITypeConverter<Split> {
    @Override
    public Split convert(String value) {
      try {
        return Split.parse(value);
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
    }
  }

  static final class SortConverter implements ITypeConverter<ImageSort> {
    @Override
    public ImageSort convert(String value) {
      try {
        return ImageSort.parse(value);
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
    }
  }

  static final class VisibilityConverter implements ITypeConverter<Visibility> {
    @Override
    public Visibility convert(String value) {
      try {
        return Visibility.parse(value);
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
    }
  }

  static final class RatiosConverter implements ITypeConverter<SplitRatios> {
    @Override
    public SplitRatios convert(String value) {
      try {
        return SplitRatios.parse(value);
      } catch (IllegalArgumentException e) {
        throw usage(e);
      }
    }
  }

  /** {@code true} or {@code false}, nothing else (picocli's own accepts anything as false). */
  static final class StrictBoolean implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new TypeConversionException("expected true or false, got '" + value + "'");
      };
    }
  }

  /** A format name checked against a list, lower-cased. */
  static String format(String value, java.util.List<String> valid, picocli.CommandLine.Model.CommandSpec spec) {
    String name = value.toLowerCase(Locale.ROOT);
    if (!valid.contains(name)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + value + "' (valid: " + String.join(", ", valid) + ")");
    }
    return name;
  }
}
