package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe images DATASET}: one page of images, filtered and sorted as the images API. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List a dataset's images.")
public final class ImagesCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--split", converter = Converters.SplitConverter.class, description = "train, val or test.")
  Split split;

  @Option(names = "--has-label", arity = "1", paramLabel = "BOOL", converter = Converters.StrictBoolean.class,
      description = "true: labeled images only; false: unlabeled only.")
  Boolean hasLabel;

  @Option(names = "--has-error", arity = "1", paramLabel = "BOOL", converter = Converters.StrictBoolean.class,
      description = "true: images with problems only; false: without.")
  Boolean hasError;

  @Option(names = "--search", paramLabel = "S", description = "File name part or hash prefix.")
  String search;

  @Option(names = "--class-ids", split = ",", paramLabel = "ID", description = "Images holding any of these classes.")
  List<Integer> classIds;

  @Option(names = "--sort", converter = Converters.SortConverter.class, defaultValue = "newest",
      description = "newest, oldest, name-asc, name-desc, width-/height-/size-/labels-asc|desc.")
  ImageSort sort;

  @Option(names = "--offset", defaultValue = "0", description = "Images to skip.")
  int offset;

  @Option(names = "--limit", defaultValue = "50", description = "Images per page (1.." + ImageQuery.MAX_LIMIT + ").")
  int limit;

  @Option(names = "--cursor", paramLabel = "C", description = "The nextCursor of the previous page.")
  String cursor;

  public ImagesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ImageQuery query;
    try {
      query = new ImageQuery(sort, split, hasLabel, hasError, search,
          classIds == null ? null : new HashSet<>(classIds), offset, limit, cursor);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Workspace workspace = context.openWorkspace()) {
      ImagePage page = workspace.images().list(dataset, query);
      if (context.json()) {
        context.printJson(ApiJson.images(page, offset, limit));
        return 0;
      }
      TextTable table = new TextTable("HASH", "SPLIT", "SIZE", "LABELS", "ERROR", "FILENAME").alignRight(2, 3);
      for (ImageRecord r : page.images()) {
        table.row(r.hash(), r.split().apiName(), r.width() + "x" + r.height(), r.labelCount(),
            r.hasError() ? "yes" : "", r.filename());
      }
      table.print(context.out());
      context.out().println(page.images().size() + " of " + page.total() + " images"
          + (page.nextCursor() == null ? "" : "; next page: --cursor " + page.nextCursor()));
      context.out().flush();
      return 0;
    }
  }
}
