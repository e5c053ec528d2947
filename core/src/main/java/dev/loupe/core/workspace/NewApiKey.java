package dev.loupe.core.workspace;

/**
 * A key just made: the key itself ({@code ul_} + 40 hex digits), shown this once, and its record.
 * {@link #toString()} hides the key.
 */
public record NewApiKey(String key, ApiKeyRecord record) {
  @Override
  public String toString() {
    return "NewApiKey[key=ul_<redacted>, record=" + record + "]";
  }
}
