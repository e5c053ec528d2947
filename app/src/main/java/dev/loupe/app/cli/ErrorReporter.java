package dev.loupe.app.cli;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.workspace.WorkspaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr ({@code loupe: <message>}) and an exit code: 2 for a usage
 * error, 1 for a failure, 130 when cancelled. Stack traces only with {@code --debug}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int CANCELLED = 130;

  private final CliContext context;

  public ErrorReporter(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String help = cmd.getCommandSpec().qualifiedName();
    context.err().println("loupe: " + e.getMessage() + " (see '" + help + " --help')");
    trace(e);
    context.err().flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    if (e instanceof ParameterException p) {
      return handleParseException(p, new String[0]);
    }
    return report(e);
  }

  /** Prints {@code e} as one line (its trace too with --debug) and returns the exit code it gets. */
  public int report(Exception e) {
    int code = e instanceof CancelledException ? CANCELLED : FAILURE;
    context.err().println("loupe: " + message(e));
    trace(e);
    context.err().flush();
    return code;
  }

  private void trace(Exception e) {
    if (context.options().debug()) {
      e.printStackTrace(context.err());
    }
  }

  static String message(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return message(u.getCause());
    }
    if (e instanceof CancelledException) {
      return "cancelled";
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file or folder: " + f.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "already exists: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof WorkspaceException || e instanceof IllegalArgumentException || e instanceof IOException) {
      return firstLine(text);
    }
    return "unexpected " + e.getClass().getSimpleName() + ": " + firstLine(text)
        + " (run with --debug for details)";
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
