package dev.loupe.core.io;

/**
 * The first bytes of a file (and its last ones), read with bounds checks. A read past the bytes at
 * hand throws {@link MoreBytesNeeded} when the file is longer, {@link HeaderTruncated} when it is
 * not.
 */
final class HeaderBytes {
  private final byte[] head;
  private final int headLength;
  private final long fileSize;
  private final byte[] tail;

  /** {@code tail} holds the file's last bytes; it may be {@code head} itself for a small file. */
  HeaderBytes(byte[] head, int headLength, long fileSize, byte[] tail) {
    this.head = head;
    this.headLength = headLength;
    this.fileSize = fileSize;
    this.tail = tail;
  }

  static HeaderBytes whole(byte[] bytes) {
    return new HeaderBytes(bytes, bytes.length, bytes.length, bytes);
  }

  long fileSize() {
    return fileSize;
  }

  int available() {
    return headLength;
  }

  byte[] tail() {
    return tail;
  }

  void require(long pos, int count) {
    if (pos < 0 || pos + count > headLength) {
      if (pos >= 0 && pos + count <= fileSize) {
        throw new MoreBytesNeeded();
      }
      throw new HeaderTruncated();
    }
  }

  boolean has(long pos, int count) {
    return pos >= 0 && pos + count <= headLength;
  }

  int u8(long pos) {
    require(pos, 1);
    return head[(int) pos] & 0xFF;
  }

  int u16be(long pos) {
    require(pos, 2);
    int p = (int) pos;
    return (head[p] & 0xFF) << 8 | head[p + 1] & 0xFF;
  }

  int u16le(long pos) {
    require(pos, 2);
    int p = (int) pos;
    return (head[p + 1] & 0xFF) << 8 | head[p] & 0xFF;
  }

  long u32be(long pos) {
    return (long) u16be(pos) << 16 | u16be(pos + 2);
  }

  long u32le(long pos) {
    return (long) u16le(pos + 2) << 16 | u16le(pos);
  }

  int u16(long pos, boolean littleEndian) {
    return littleEndian ? u16le(pos) : u16be(pos);
  }

  long u32(long pos, boolean littleEndian) {
    return littleEndian ? u32le(pos) : u32be(pos);
  }

  boolean startsWith(long pos, String ascii) {
    if (!has(pos, ascii.length())) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (head[(int) pos + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The tail's length once trailing zero bytes (padding some writers add) are left out. */
  int tailLengthWithoutPadding() {
    int end = tail.length;
    while (end > 0 && tail[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /** The header lies partly beyond the bytes read so far; the caller should read the whole file. */
  static final class MoreBytesNeeded extends RuntimeException {
    MoreBytesNeeded() {
      super(null, null, false, false);
    }
  }

  /** The file ends inside its header. */
  static final class HeaderTruncated extends RuntimeException {
    HeaderTruncated() {
      super(null, null, false, false);
    }
  }
}
