package dev.loupe.app.gui.sync;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformSettingsFile;
import dev.loupe.core.platform.remote.DatasetQuery;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The platform's URL and API key as {@code loupe platform login} stores them (the settings file
 * readable only by the user), with a connection test. The key is never shown back: an empty field
 * keeps the stored one.
 */
public final class PlatformSettingsViewModel {
  private final PlatformSettingsFile file;
  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty key = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
  private final StringBinding problem;
  private final boolean keyStored;

  public PlatformSettingsViewModel(PlatformSettingsFile file) {
    this.file = file;
    PlatformSettingsFile.Settings s = file.read();
    url.set(s.url() == null ? PlatformClient.DEFAULT_BASE_URL : s.url());
    keyStored = s.apiKeyText() != null;
    problem = Bindings.createStringBinding(this::check, url, key);
  }

  public StringProperty urlProperty() {
    return url;
  }

  /** A new key to store; empty keeps the stored one. */
  public StringProperty keyProperty() {
    return key;
  }

  /** Why the settings cannot be saved or tested (empty when they can). */
  public StringBinding problemProperty() {
    return problem;
  }

  /** The last connection test's answer. */
  public ReadOnlyStringProperty connectionProperty() {
    return connection.getReadOnlyProperty();
  }

  public String keyPrompt() {
    return keyStored ? Messages.text("platformSettings.key.prompt.stored")
        : Messages.text("platformSettings.key.prompt");
  }

  private String check() {
    String u = url.get() == null ? "" : url.get().strip();
    if (okhttp3.HttpUrl.parse(u) == null) {
      return Messages.text("platformSettings.url.invalid");
    }
    String k = key.get() == null ? "" : key.get().strip();
    if (k.isEmpty()) {
      return keyStored ? "" : Messages.text("platformSettings.key.missing");
    }
    try {
      ApiKey.parse(k);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Stores the URL and, when typed, the key. */
  public void save() {
    if (!problem.get().isEmpty()) {
      throw new IllegalStateException(problem.get());
    }
    file.saveUrl(url.get().strip());
    String k = key.get() == null ? "" : key.get().strip();
    if (!k.isEmpty()) {
      file.saveKey(ApiKey.parse(k));
    }
  }

  /** Lists one dataset with the URL and key as typed (or stored), in the background. */
  public void testConnection(BackgroundTasks tasks) {
    String k = key.get() == null ? "" : key.get().strip();
    ApiKey apiKey = k.isEmpty() ? file.read().apiKey() : ApiKey.parse(k);
    String u = url.get().strip();
    connection.set(Messages.text("platformSettings.connecting"));
    tasks.submit(Messages.text("platformSettings.test.task"), m -> {
      try (PlatformClient client = PlatformClient.builder(u).apiKey(apiKey).build()) {
        var list = client.datasets().list(DatasetQuery.all().withLimit(1));
        return list.total() == null ? Messages.text("platformSettings.connected", u)
            : Messages.text("platformSettings.connected.datasets", u, String.valueOf(list.total()));
      } catch (RuntimeException e) {
        return Messages.text("platformSettings.notConnected", e.getMessage());
      }
    }, connection::set);
  }
}
