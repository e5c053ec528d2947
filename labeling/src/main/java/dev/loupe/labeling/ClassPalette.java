package dev.loupe.labeling;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colour of each class: stable (the same class id always gets the same colour, in every view and
 * every session) unless the user picked one. Hues step by the golden angle so neighbouring ids stay
 * far apart on the colour wheel.
 */
public final class ClassPalette {
  private static final double GOLDEN_ANGLE = 137.50776405003785;

  private final Map<Integer, Color> overrides = new HashMap<>();

  /** The default colour of a class id, independent of any override. */
  public static Color defaultColor(int classId) {
    double hue = (classId * GOLDEN_ANGLE) % 360.0;
    double saturation = classId % 2 == 0 ? 0.85 : 0.65;
    double brightness = classId % 3 == 0 ? 0.95 : 0.80;
    return Color.hsb(hue, saturation, brightness);
  }

  public Color colorOf(int classId) {
    Color picked = overrides.get(classId);
    return picked != null ? picked : defaultColor(classId);
  }

  /** Sets the colour the user picked for a class; null goes back to the default. */
  public void setColor(int classId, Color color) {
    if (color == null) {
      overrides.remove(classId);
    } else {
      overrides.put(classId, color);
    }
  }

  /** The overrides as web colours ({@code #rrggbb}), to be saved with the dataset. */
  public Map<Integer, String> overridesAsHex() {
    Map<Integer, String> hex = new HashMap<>();
    overrides.forEach((id, color) -> hex.put(id, toHex(color)));
    return hex;
  }

  /** Replaces the overrides with saved web colours; unreadable entries are ignored. */
  public void loadOverrides(Map<Integer, String> hex) {
    overrides.clear();
    hex.forEach(
        (id, web) -> {
          try {
            overrides.put(id, Color.web(web));
          } catch (IllegalArgumentException unreadable) {
            // a hand-edited colour that JavaFX cannot read keeps the default colour
          }
        });
  }

  public static String toHex(Color color) {
    return String.format(
        "#%02x%02x%02x",
        Math.round(color.getRed() * 255),
        Math.round(color.getGreen() * 255),
        Math.round(color.getBlue() * 255));
  }
}
