package dev.loupe.core.formats.yolo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class list with one name a line: LabelImg's {@code classes.txt}, darknet's {@code obj.names}.
 * Written in UTF-8 by most tools, in GBK by LabelImg on Chinese Windows: a file that is not valid
 * UTF-8 is decoded as GBK, strictly, so that a wrong guess fails instead of producing mojibake.
 */
final class ClassNamesFile {
  /** The names and the charset they were decoded with. */
  record Names(List<String> names, Charset charset) {}

  private ClassNamesFile() {}

  static Names read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (Charset charset : candidates()) {
      try {
        String text =
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return new Names(lines(text), charset);
      } catch (CharacterCodingException e) {
        // try the next charset
      }
    }
    return new Names(lines(new String(bytes, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static List<Charset> candidates() {
    List<Charset> list = new ArrayList<>();
    list.add(StandardCharsets.UTF_8);
    if (Charset.isSupported("GBK")) {
      list.add(Charset.forName("GBK"));
    }
    return list;
  }

  /** Lines without BOM, surrounding spaces and trailing blank lines. */
  static List<String> lines(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> names = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      names.add(line.strip());
    }
    while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
      names.remove(names.size() - 1);
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).isEmpty()) {
        names.set(i, "class_" + i);
      }
    }
    return List.copyOf(names);
  }
}
