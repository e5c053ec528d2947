package dev.loupe.core.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a user names a remote dataset: its id, its slug, or {@code ul://user/datasets/slug}.
 *
 * @param username the owner named by a {@code ul://} address, else null
 * @param token the id or slug
 */
public record RemoteRef(String username, String token) {
  private static final Pattern UL = Pattern.compile("ul://([^/]+)/datasets/([^/?#]+)/?");

  public static RemoteRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("name the remote dataset by its slug, id or ul://user/datasets/slug");
    }
    String t = text.strip();
    if (t.startsWith("ul://")) {
      Matcher m = UL.matcher(t);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a dataset address: " + t + " (expected ul://user/datasets/slug)");
      }
      return new RemoteRef(m.group(1), m.group(2));
    }
    if (t.contains("/") || t.contains(" ")) {
      throw new IllegalArgumentException("not a dataset slug or id: " + t);
    }
    return new RemoteRef(null, t);
  }

  @Override
  public String toString() {
    return username == null ? token : "ul://" + username + "/datasets/" + token;
  }
}
