package dev.loupe.core.workspace;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * {@link DataInput} over a channel through one large buffer, without the per-byte synchronized
 * calls of {@code DataInputStream} over {@code BufferedInputStream} (which dominated reading a
 * million-image index: tens of millions of fields). Same byte format as {@code DataOutputStream}.
 */
final class ChannelDataInput implements DataInput {
  private final ReadableByteChannel channel;
  private final ByteBuffer buffer;

  ChannelDataInput(ReadableByteChannel channel, int bufferSize) {
    this.channel = channel;
    this.buffer = ByteBuffer.allocate(bufferSize);
    buffer.flip();
  }

  /** Makes at least {@code n} bytes readable (n no larger than the buffer). */
  private void need(int n) throws IOException {
    if (buffer.remaining() >= n) {
      return;
    }
    buffer.compact();
    while (buffer.position() < n) {
      if (channel.read(buffer) < 0) {
        buffer.flip();
        throw new EOFException();
      }
    }
    buffer.flip();
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      need(1);
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public int skipBytes(int n) throws IOException {
    readFully(new byte[n]);
    return n;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    need(1);
    return buffer.get();
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    need(2);
    return buffer.getShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    need(2);
    return buffer.getChar();
  }

  @Override
  public int readInt() throws IOException {
    need(4);
    return buffer.getInt();
  }

  @Override
  public long readLong() throws IOException {
    need(8);
    return buffer.getLong();
  }

  @Override
  public float readFloat() throws IOException {
    need(4);
    return buffer.getFloat();
  }

  @Override
  public double readDouble() throws IOException {
    need(8);
    return buffer.getDouble();
  }

  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine is not part of the index format");
  }

  /** Modified UTF-8 as {@code writeUTF} writes it; ASCII (file names, mostly) without a decoder. */
  @Override
  public String readUTF() throws IOException {
    int length = readUnsignedShort();
    need(length);
    int start = buffer.position();
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = buffer.get(start + i) > 0;
    }
    if (ascii) {
      String s = new String(buffer.array(), buffer.arrayOffset() + start, length, StandardCharsets.ISO_8859_1);
      buffer.position(start + length);
      return s;
    }
    byte[] encoded = new byte[length + 2];
    encoded[0] = (byte) (length >>> 8);
    encoded[1] = (byte) length;
    buffer.get(encoded, 2, length);
    return new DataInputStream(new java.io.ByteArrayInputStream(encoded)).readUTF();
  }
}
