package dev.loupe.app;

import dev.loupe.app.cli.ClassesAddCommand;
import dev.loupe.app.cli.ClassesDeleteCommand;
import dev.loupe.app.cli.ClassesMergeCommand;
import dev.loupe.app.cli.ClassesRenameCommand;
import dev.loupe.app.cli.CliContext;
import dev.loupe.app.cli.CommandGroup;
import dev.loupe.app.cli.DatasetCreateCommand;
import dev.loupe.app.cli.DatasetShowCommand;
import dev.loupe.app.cli.DatasetUpdateCommand;
import dev.loupe.app.cli.DatasetsCommand;
import dev.loupe.app.cli.DeleteCommand;
import dev.loupe.app.cli.DeleteImagesCommand;
import dev.loupe.app.cli.DemoCommand;
import dev.loupe.app.cli.ErrorReporter;
import dev.loupe.app.cli.ExportCommand;
import dev.loupe.app.cli.GlobalOptions;
import dev.loupe.app.cli.ImagesCommand;
import dev.loupe.app.cli.ImportCommand;
import dev.loupe.app.cli.InterruptHooks;
import dev.loupe.app.cli.LabelsGetCommand;
import dev.loupe.app.cli.LabelsPutCommand;
import dev.loupe.app.cli.LoupeCommand;
import dev.loupe.app.cli.MoveCommand;
import dev.loupe.app.cli.PredictCommand;
import dev.loupe.app.cli.SplitCommand;
import dev.loupe.app.cli.StatsCommand;
import dev.loupe.app.cli.TrashEmptyCommand;
import dev.loupe.app.cli.TrashListCommand;
import dev.loupe.app.cli.TrashPurgeCommand;
import dev.loupe.app.cli.TrashRestoreCommand;
import dev.loupe.app.cli.VersionCreateCommand;
import dev.loupe.app.cli.VersionDescribeCommand;
import dev.loupe.app.cli.VersionExportCommand;
import dev.loupe.app.cli.VersionListCommand;
import dev.loupe.app.gui.GuiCommand;
import dev.loupe.core.inference.EngineOptions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * The {@code loupe} program. With no command it opens the workbench window (or, without a display,
 * prints help). The command line is built from a list of command objects, so more commands register
 * by adding to it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    boolean window = opensWindow(args) && dev.loupe.app.gui.DisplayCheck.whyNoDisplay(System::getenv) == null;
    if (window) {
      dev.loupe.app.gui.FxStartup.begin(); // the toolkit starts while the command line is read and the workspace opens
    }
    quietLibraryLogging();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    WindowStart direct = window ? WindowStart.of(args) : null;
    CliContext context =
        new CliContext(
            direct != null ? GlobalOptions.ofWorkspace(direct.workspace()) : new GlobalOptions(), out, err, System.in,
            System.getenv(), Path.of(System.getProperty("user.home")), System.console() != null, System::nanoTime,
            InterruptHooks.jvm());
    int code = direct != null
        ? direct.run(context, args)
        : commandLine(context, window ? windowCommands(context) : commands(context)).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Flyway and H2 log their start-up through java.util.logging; a command line shows only warnings. */
  private static void quietLibraryLogging() {
    java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : root.getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  /**
   * Whether {@code args} open the window: no command (after the global options) or {@code gui}. Such a
   * start builds only the commands it can run ({@link #windowCommands}), not all of them.
   */
  static boolean opensWindow(String[] args) {
    int i = 0;
    while (i < args.length) {
      String arg = args[i];
      if (arg.equals("--workspace")) {
        i += 2;
      } else if (arg.startsWith("--workspace=") || arg.equals("--json") || arg.equals("--debug")) {
        i++;
      } else {
        break;
      }
    }
    return i >= args.length || args[i].equals("gui");
  }

  /**
   * The commands a start that opens the window runs when it needs the command line (other options of
   * {@code gui}, a first start): {@code gui}, and {@code demo} and {@code datasets} that {@code loupe}
   * alone runs on a first start. Building the other 50-odd commands (picocli reads each one's
   * annotations) took the window's start 0.2 s more.
   */
  static List<Object> windowCommands(CliContext c) {
    return List.of(new DatasetsCommand(c), new DemoCommand(c), new GuiCommand(c));
  }

  /**
   * A start that only opens the window, with nothing for the command line to read: no arguments,
   * {@code gui}, {@code --workspace DIR} before it, and the cold-start probe {@code --close-when-shown}
   * after it. It opens the window without building the command line at all: picocli's classes are
   * Java 5 ones, which the JVM verifies the old, slow way and cannot keep in a class-data archive
   * (0.25-0.35 s of the start here).
   */
  record WindowStart(Path workspace, boolean gui, boolean closeWhenShown) {
    /** The start {@code args} ask for, or null when they need the command line. */
    static WindowStart of(String[] args) {
      Path workspace = null;
      boolean gui = false;
      boolean closeWhenShown = false;
      try {
        for (int i = 0; i < args.length; i++) {
          String arg = args[i];
          if (!gui && arg.equals("--workspace") && i + 1 < args.length) {
            workspace = Path.of(args[++i]);
          } else if (!gui && arg.startsWith("--workspace=")) {
            workspace = Path.of(arg.substring("--workspace=".length()));
          } else if (!gui && arg.equals("gui")) {
            gui = true;
          } else if (gui && arg.equals("--close-when-shown")) {
            closeWhenShown = true;
          } else {
            return null;
          }
        }
      } catch (java.nio.file.InvalidPathException e) {
        return null; // the command line says what is wrong with it
      }
      return new WindowStart(workspace, gui, closeWhenShown);
    }

    /**
     * Opens the window with the settings' device and threads and returns the exit code. {@code loupe}
     * alone on a workspace without datasets goes through the command line, which makes the demo first.
     */
    int run(CliContext context, String[] args) {
      OptionalInt shown;
      try {
        shown = GuiCommand.open(context, s -> new EngineOptions(s.threads(), s.device()),
            null, closeWhenShown, !gui);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ErrorReporter.CANCELLED;
      } catch (RuntimeException e) {
        return new ErrorReporter(context).report(e);
      }
      return shown.isPresent() ? shown.getAsInt() : commandLine(context, windowCommands(context)).execute(args);
    }
  }

  /** Every command of {@code loupe}, in the order help lists them. */
  public static List<Object> commands(CliContext c) {
    return commands(c, dev.loupe.app.cli.ModelRuntime.engines());
  }

  /** Every command, the model commands reading and running models with {@code runtime}. */
  public static List<Object> commands(CliContext c, dev.loupe.app.cli.ModelRuntime runtime) {
    List<Object> commands = new ArrayList<>();
    commands.add(new ImportCommand(c));
    commands.add(new ExportCommand(c));
    commands.add(new DatasetsCommand(c));
    commands.add(CommandGroup.of("dataset", "Show, create or update a dataset.",
        new DatasetShowCommand(c), new DatasetCreateCommand(c), new DatasetUpdateCommand(c)));
    commands.add(new ImagesCommand(c));
    commands.add(CommandGroup.of("labels", "Read or replace an image's labels.",
        new LabelsGetCommand(c), new LabelsPutCommand(c)));
    commands.add(new StatsCommand(c));
    commands.add(CommandGroup.of("version", "Numbered, immutable snapshots of a dataset.",
        new VersionCreateCommand(c), new VersionListCommand(c), new VersionDescribeCommand(c),
        new VersionExportCommand(c)));
    commands.add(CommandGroup.of("classes", "Add, rename, merge or delete classes.",
        new ClassesMergeCommand(c), new ClassesDeleteCommand(c), new ClassesRenameCommand(c),
        new ClassesAddCommand(c)));
    commands.add(new SplitCommand(c));
    commands.add(new DeleteCommand(c));
    commands.add(new DeleteImagesCommand(c));
    commands.add(new MoveCommand(c));
    commands.add(CommandGroup.of("trash", "Deleted datasets, restorable for 30 days.",
        new TrashListCommand(c), new TrashRestoreCommand(c), new TrashPurgeCommand(c),
        new TrashEmptyCommand(c)));
    commands.add(CommandGroup.of("projects", "Projects: folders of models.",
        new dev.loupe.app.cli.ProjectsCreateCommand(c), new dev.loupe.app.cli.ProjectsListCommand(c),
        new dev.loupe.app.cli.ProjectsShowCommand(c), new dev.loupe.app.cli.ProjectsUpdateCommand(c),
        new dev.loupe.app.cli.ProjectsDeleteCommand(c)));
    commands.add(CommandGroup.of("models", "Model files: import, list, show, move, delete, export.",
        new dev.loupe.app.cli.ModelsImportCommand(c, runtime), new dev.loupe.app.cli.ModelsListCommand(c),
        new dev.loupe.app.cli.ModelsShowCommand(c), new dev.loupe.app.cli.ModelsMoveCommand(c),
        new dev.loupe.app.cli.ModelsDeleteCommand(c), new dev.loupe.app.cli.ModelsExportCommand(c, runtime)));
    commands.add(new CommandLine(new dev.loupe.app.cli.AnnotateCommand(c, runtime))
        .addSubcommand(new dev.loupe.app.cli.AnnotateRevertCommand(c))
        .addSubcommand(new dev.loupe.app.cli.AnnotateRunsCommand(c)));
    commands.add(new dev.loupe.app.cli.ValCommand(c, runtime));
    commands.add(new CommandLine(new dev.loupe.app.cli.TrainCommand(c, runtime))
        .addSubcommand(new dev.loupe.app.cli.TrainListCommand(c))
        .addSubcommand(new dev.loupe.app.cli.TrainStatusCommand(c))
        .addSubcommand(new dev.loupe.app.cli.TrainCancelCommand(c))
        .addSubcommand(new dev.loupe.app.cli.TrainResumeCommand(c, runtime)));
    commands.add(new PredictCommand(c));
    commands.add(new dev.loupe.app.cli.EmbedCommand(c, runtime));
    commands.add(new dev.loupe.app.cli.SimilarCommand(c, runtime));
    commands.add(new dev.loupe.app.cli.DuplicatesCommand(c));
    commands.add(new dev.loupe.app.cli.MapCommand(c, runtime));
    commands.add(dev.loupe.app.cli.PlatformAccess.group(c, runtime));
    commands.add(new dev.loupe.app.cli.ServeCommand(c, runtime));
    commands.add(CommandGroup.of("keys", "API keys of 'loupe serve'.", new dev.loupe.app.cli.KeysCreateCommand(c),
        new dev.loupe.app.cli.KeysListCommand(c), new dev.loupe.app.cli.KeysRevokeCommand(c)));
    commands.add(new DemoCommand(c));
    commands.add(new GuiCommand(c));
    commands.add(new dev.loupe.app.bench.BenchCommand());
    return commands;
  }

  /** The command line over {@code commands} (annotated objects or built {@link CommandLine}s). */
  public static CommandLine commandLine(CliContext context, List<Object> commands) {
    CommandLine root = new CommandLine(new LoupeCommand(context));
    for (Object command : commands) {
      root.addSubcommand(command);
    }
    ErrorReporter errors = new ErrorReporter(context);
    root.setOut(context.out());
    root.setErr(context.err());
    root.setExecutionExceptionHandler(errors);
    root.setParameterExceptionHandler(errors);
    return root;
  }
}
