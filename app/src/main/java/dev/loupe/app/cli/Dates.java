package dev.loupe.app.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the user's local date and minute. */
final class Dates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private Dates() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
