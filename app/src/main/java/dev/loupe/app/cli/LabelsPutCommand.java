package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe labels put DATASET HASH --file F.json|-}: replaces an image's labels. */
@Command(name = "put", mixinStandardHelpOptions = true,
    description = "Replace an image's labels with {\"labels\":[...]} from a file or stdin (-).")
public final class LabelsPutCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "HASH", description = "The image's sha-256.")
  String hash;

  @Option(names = "--file", required = true, paramLabel = "F", description = "JSON file, or - for stdin.")
  String file;

  public LabelsPutCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    JsonNode body = read();
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d = workspace.datasets().require(dataset);
      int kptDims = d.kptShape() == null ? 3 : d.kptShape().dims();
      List<Label> labels = ApiJson.parseLabels(body, d.task(), kptDims);
      workspace.labels().put(d.id(), hash, labels);
      if (context.json()) {
        context.printJson(ApiJson.labels(workspace.labels().get(d.id(), hash), d.classNames()));
      } else {
        context.out().println("stored " + labels.size() + " labels on " + hash);
        context.out().flush();
      }
      return 0;
    }
  }

  private JsonNode read() throws IOException {
    try (InputStream in = "-".equals(file) ? context.in() : Files.newInputStream(Path.of(file))) {
      return ApiJson.MAPPER.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
