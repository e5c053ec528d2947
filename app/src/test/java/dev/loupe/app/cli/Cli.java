package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.Main;
import dev.loupe.core.api.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code loupe} in-process on a workspace, capturing stdout, stderr and the exit code. */
final class Cli {
  private final Path workspace;
  private String stdin = "";
  private InterruptHooks hooks = InterruptHooks.NONE;
  private ModelRuntime runtime = ModelRuntime.engines();

  Cli(Path workspace) {
    this.workspace = workspace;
  }

  Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Model commands read and run models with {@code value} (a fake in tests). */
  Cli runtime(ModelRuntime value) {
    this.runtime = value;
    return this;
  }

  Cli interruptHooks(InterruptHooks value) {
    this.hooks = value;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            Map.of("LOUPE_WORKSPACE", workspace.toString()), workspace.resolve("home"), false,
            System::nanoTime, hooks);
    int code = Main.commandLine(context, Main.commands(context, runtime)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs and insists on exit code 0. */
  Result ok(String... args) {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new AssertionError("loupe " + String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
    }
    return r;
  }

  /** Runs with {@code --json} and parses stdout. */
  JsonNode json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    return ok(all.toArray(String[]::new)).json();
  }

  record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return ApiJson.MAPPER.readTree(out);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out, e);
      }
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }
}
