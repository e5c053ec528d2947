package dev.loupe.core.inference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive by hand: a zip with {@code <name>/data.pkl} (the pickled module, no
 * parameters), {@code <name>/code/__torch__.py} (its forward: constant outputs plus {@code 0 *
 * sum(x)}), {@code <name>/constants.pkl} (no constants), {@code <name>/version} and Ultralytics'
 * metadata as {@code <name>/extra/config.txt}.
 */
final class TorchScriptWriter {
  private final String configJson;
  private final List<float[]> values = new ArrayList<>();
  private final List<long[]> shapes = new ArrayList<>();

  TorchScriptWriter(String configJson) {
    this.configJson = configJson;
  }

  TorchScriptWriter output(float[] data, long... shape) {
    values.add(data);
    shapes.add(shape);
    return this;
  }

  Path write(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    String name = "model";
    entries.put(name + "/data.pkl", dataPickle());
    entries.put(name + "/code/__torch__.py", code().getBytes(StandardCharsets.UTF_8));
    entries.put(name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
    entries.put(name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    entries.put(name + "/extra/config.txt", configJson.getBytes(StandardCharsets.UTF_8));
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(e.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** {@code __torch__.Model} object with {'training': False}, as torch.jit.save pickles it. */
  private static byte[] dataPickle() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x80);
    out.write(2); // PROTO 2
    out.write('c'); // GLOBAL module\nname\n
    out.writeBytes("__torch__\nModel\n".getBytes(StandardCharsets.US_ASCII));
    out.write(')'); // EMPTY_TUPLE
    out.write(0x81); // NEWOBJ
    out.write('}'); // EMPTY_DICT
    out.write('X'); // BINUNICODE 'training'
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    out.write(key.length);
    out.write(0);
    out.write(0);
    out.write(0);
    out.writeBytes(key);
    out.write(0x89); // NEWFALSE
    out.write('s'); // SETITEM
    out.write('b'); // BUILD
    out.write('.'); // STOP
    return out.toByteArray();
  }

  private String code() {
    StringBuilder b = new StringBuilder();
    b.append("class Model(Module):\n");
    b.append("  __parameters__ = []\n");
    b.append("  __buffers__ = []\n");
    b.append("  training : bool\n");
    b.append("  def forward(self: __torch__.Model,\n    x: Tensor)");
    b.append(values.size() == 1 ? " -> Tensor:\n" : " -> Tuple[Tensor, Tensor]:\n");
    b.append("    zero = torch.mul(torch.sum(x), 0.)\n");
    for (int i = 0; i < values.size(); i++) {
      b.append("    out").append(i).append(" = torch.add(torch.reshape(torch.tensor([");
      float[] v = values.get(i);
      for (int k = 0; k < v.length; k++) {
        b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", (double) v[k]));
      }
      b.append("]), [");
      long[] s = shapes.get(i);
      for (int k = 0; k < s.length; k++) {
        b.append(k == 0 ? "" : ", ").append(s[k]);
      }
      b.append("]), zero)\n");
    }
    if (values.size() == 1) {
      b.append("    return out0\n");
    } else {
      b.append("    return (out0, out1)\n");
    }
    return b.toString();
  }
}
