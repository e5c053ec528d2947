package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.channels.Channels;
import org.junit.jupiter.api.Test;

class ChannelDataInputTest {
  @Test
  void reads_what_DataOutputStream_writes_across_buffer_refills() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] names = {"img_0001.jpg", "猫の写真.png", "", "a\0b", "x".repeat(40)};
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (int i = 0; i < 50; i++) {
        out.writeInt(i * 7919);
        out.writeLong(-i * 1_000_000_007L);
        out.writeUTF(names[i % names.length]);
        out.writeByte(i);
        out.writeShort(-i);
        out.writeDouble(i / 3.0);
      }
    }
    // a buffer of 64 bytes: every kind of value straddles a refill somewhere
    ChannelDataInput in =
        new ChannelDataInput(Channels.newChannel(new java.io.ByteArrayInputStream(bytes.toByteArray())), 64);
    for (int i = 0; i < 50; i++) {
      assertThat(in.readInt()).isEqualTo(i * 7919);
      assertThat(in.readLong()).isEqualTo(-i * 1_000_000_007L);
      assertThat(in.readUTF()).isEqualTo(names[i % names.length]);
      assertThat(in.readByte()).isEqualTo((byte) i);
      assertThat(in.readShort()).isEqualTo((short) -i);
      assertThat(in.readDouble()).isEqualTo(i / 3.0);
    }
    assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
  }
}
