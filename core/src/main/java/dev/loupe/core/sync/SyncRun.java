package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.RemoteImage;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.SyncEntry;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One exchange between a local dataset and its linked remote dataset. For each image it compares
 * both sides with the state they last agreed on (local revision, remote fingerprint): a change on one
 * side goes to the other, a change on both sides keeps the local one and stores the remote one as a
 * conflict, deletions travel as deletions. New local images are uploaded, new remote ones fetched.
 */
final class SyncRun {
  /** Which way changes may travel. */
  enum Mode {
    PUSH, PULL, BOTH;

    boolean pushes() {
      return this != PULL;
    }

    boolean pulls() {
      return this != PUSH;
    }
  }

  private final Workspace workspace;
  private final RemoteSide remote;
  private final SyncOptions options;
  private final Mode mode;
  private final TaskMonitor monitor;
  private Dataset dataset;
  private final SyncLink link;

  private final Map<String, SyncEntry> entries;
  private Map<String, ImageRecord> local;
  /** Local hash by remote name, for the entries whose name is known. */
  private final Map<String, String> byName = new HashMap<>();
  private final List<String> pushProblems = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();
  private int uploaded;
  private int skipped;
  private int labelsSent;
  private int moved;
  private int deletedRemotely;
  private int updatedHere;
  private int deletedHere;
  private ImportReport report = new ImportReport();

  SyncRun(Workspace workspace, RemoteSide remote, SyncOptions options, Dataset dataset, SyncLink link, Mode mode,
      TaskMonitor monitor) {
    this.workspace = workspace;
    this.remote = remote;
    this.options = options;
    this.dataset = dataset;
    this.link = link;
    this.mode = mode;
    this.monitor = monitor;
    this.entries = new LinkedHashMap<>(workspace.sync().entries(dataset.id()));
    entries.values().stream().filter(SyncEntry::known).forEach(e -> byName.put(e.remoteName(), e.localHash()));
  }

  SyncResult run() {
    local = LocalImages.of(workspace, dataset.id());
    boolean anyKnown = !byName.isEmpty();
    boolean anySent = entries.values().stream().anyMatch(e -> !e.known());
    boolean anyNew = local.keySet().stream().anyMatch(h -> !entries.containsKey(h));
    if (anySent || (anyNew && mode.pushes())) {
      monitor.progress(0, -1, "listing remote images");
      learn(remote.images(link.remoteId(), monitor));
      reingestMissing();
    }
    RemoteSnapshot snapshot = null;
    if (mode.pulls() || anyKnown) {
      snapshot = snapshot();
      learnFromSnapshot(snapshot);
      compare(snapshot);
    }
    if (mode.pushes()) {
      uploadNew();
    }
    if (mode.pulls() && snapshot != null) {
      fetchNew(snapshot);
    }
    dataset = workspace.datasets().require(dataset.id());
    SyncLink saved = workspace.sync().saveLink(new SyncLink(dataset.id(), link.server(), link.remoteId(),
        link.remoteSlug(), dataset.revision(), snapshot == null ? link.lastRemoteState() : snapshot.fingerprint(),
        null));
    PushResult pushed = new PushResult(saved.remoteId(), saved.remoteSlug(), uploaded, skipped, labelsSent, moved,
        deletedRemotely, pushProblems);
    PullResult pulled = new PullResult(dataset, report, updatedHere, deletedHere, failed);
    return new SyncResult(pushed, pulled, workspace.sync().conflicts(dataset.id(), false));
  }

  // ---- learning remote names ----

  /** Matches remote images to local ones: by sha-256 name, by the name an image was sent under, by file name and size. */
  private void learn(List<RemoteImage> images) {
    Map<String, String> sentByFile = new HashMap<>();
    entries.values().stream().filter(e -> !e.known()).forEach(e -> sentByFile.put(e.remoteFilename(), e.localHash()));
    Map<String, String> newByFileAndSize = new HashMap<>();
    for (ImageRecord r : local.values()) {
      if (!entries.containsKey(r.hash())) {
        newByFileAndSize.putIfAbsent(r.filename() + "/" + r.size(), r.hash());
      }
    }
    List<SyncEntry> learned = new ArrayList<>();
    Map<Split, List<String>> misplaced = new EnumMap<>(Split.class);
    for (RemoteImage img : images) {
      String name = img.hash();
      if (name == null || byName.containsKey(name)) {
        continue;
      }
      String hash = null;
      if (local.containsKey(name) && !isKnown(name)) {
        hash = name;
      } else if (img.filename() != null && sentByFile.containsKey(img.filename())) {
        hash = sentByFile.remove(img.filename());
      } else if (img.filename() != null && img.size() != null) {
        hash = newByFileAndSize.remove(img.filename() + "/" + img.size());
      }
      if (hash != null) {
        learned.add(remember(hash, name, img.filename()));
        ImageRecord mine = local.get(hash);
        if (mine != null && mode.pushes() && img.split() != null && !mine.split().apiName().equals(img.split())) {
          misplaced.computeIfAbsent(mine.split(), s -> new ArrayList<>()).add(name); // a server that lost the split
        }
      }
    }
    workspace.sync().putEntries(dataset.id(), learned);
    for (Map.Entry<Split, List<String>> m : misplaced.entrySet()) {
      remote.client().images().move(link.remoteId(), m.getValue(), m.getKey().apiName());
    }
  }

  private void learnFromSnapshot(RemoteSnapshot snapshot) {
    Map<String, String> sentByFile = new HashMap<>();
    entries.values().stream().filter(e -> !e.known()).forEach(e -> sentByFile.put(e.remoteFilename(), e.localHash()));
    List<SyncEntry> learned = new ArrayList<>();
    for (RemoteRecord r : snapshot.records().values()) {
      if (byName.containsKey(r.name())) {
        continue;
      }
      String hash = null;
      if (r.sha256() != null && local.containsKey(r.sha256()) && !isKnown(r.sha256())) {
        hash = r.sha256();
      } else if (sentByFile.containsKey(baseName(r.file()))) {
        hash = sentByFile.remove(baseName(r.file()));
      }
      if (hash != null) {
        learned.add(remember(hash, r.name(), baseName(r.file())));
      }
    }
    workspace.sync().putEntries(dataset.id(), learned);
  }

  private boolean isKnown(String hash) {
    SyncEntry e = entries.get(hash);
    return e != null && e.known();
  }

  private SyncEntry remember(String hash, String name, String filename) {
    SyncEntry old = entries.get(hash);
    SyncEntry e = old == null ? new SyncEntry(hash, name, filename, null, -1, null) : old.withRemoteName(name);
    entries.put(hash, e);
    byName.put(name, hash);
    return e;
  }

  /**
   * Images sent in an archive that the remote side still does not list: their ingest is asked for
   * again (the server skips what it has); an upload session it no longer knows sends them anew.
   */
  private void reingestMissing() {
    Map<String, List<String>> bySession = new LinkedHashMap<>();
    for (SyncEntry e : entries.values()) {
      if (!e.known() && e.uploadSession() != null) {
        bySession.computeIfAbsent(e.uploadSession(), s -> new ArrayList<>()).add(e.localHash());
      }
    }
    List<String> forget = new ArrayList<>();
    for (Map.Entry<String, List<String>> s : bySession.entrySet()) {
      try {
        remote.client().datasets().ingest(IngestRequest.ofUpload(s.getKey()));
      } catch (PlatformException.NotFound | PlatformException.Invalid | PlatformException.Conflict e) {
        forget.addAll(s.getValue());
      }
    }
    if (!forget.isEmpty()) {
      workspace.sync().removeEntries(dataset.id(), forget);
      forget.forEach(entries::remove);
    }
    if (!bySession.isEmpty()) {
      learn(remote.images(link.remoteId(), monitor));
    }
  }

  // ---- comparing known images ----

  private RemoteSnapshot snapshot() {
    return snapshot(workspace, remote, link.remoteId(), monitor);
  }

  /** Downloads and reads the remote dataset's export. */
  static RemoteSnapshot snapshot(Workspace workspace, RemoteSide remote, String remoteId, TaskMonitor monitor) {
    monitor.progress(0, -1, "reading the remote dataset");
    try (Scratch scratch = new Scratch(workspace, "sync")) {
      java.nio.file.Path file = scratch.dir().resolve("export.ndjson");
      remote.export(remoteId, file);
      java.nio.file.Path work = java.nio.file.Files.createDirectory(scratch.dir().resolve("records"));
      return RemoteSnapshot.read(file, work, monitor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the remote export: " + e.getMessage(), e);
    }
  }

  private void compare(RemoteSnapshot snapshot) {
    List<String> remoteClasses = snapshot.header().spec().classNames();
    Set<String> tombstoned = new HashSet<>(workspace.images().tombstones(dataset.id(), 0));
    Map<String, SyncConflict> open = new HashMap<>();
    workspace.sync().conflicts(dataset.id(), false).forEach(c -> open.put(c.localHash(), c));
    List<SyncEntry> agreed = new ArrayList<>();
    List<String> forget = new ArrayList<>();
    List<String> deleteRemote = new ArrayList<>();
    List<String> deleteHere = new ArrayList<>();
    Map<Split, List<String>> moves = new EnumMap<>(Split.class);
    int done = 0;
    for (SyncEntry e : List.copyOf(entries.values())) {
      if (++done % 1000 == 0) {
        monitor.checkCancelled();
        monitor.progress(done, entries.size(), "compared " + done + " images");
      }
      if (!e.known()) {
        continue;
      }
      RemoteRecord r = snapshot.records().get(e.remoteName());
      ImageRecord l = local.get(e.localHash());
      if (l == null && !tombstoned.contains(e.localHash())) {
        continue; // neither here nor deleted here: an image of an unfinished pull
      }
      SyncConflict conflict = open.get(e.localHash());
      if (conflict != null) {
        refreshConflict(conflict, r, remoteClasses);
        continue;
      }
      boolean localGone = l == null;
      boolean remoteGone = r == null;
      List<Label> localLabels = localGone ? null : workspace.labels().get(dataset.id(), l.hash());
      String localFp = localGone ? null : LabelFingerprint.of(l.split(), localLabels, dataset.classNames());
      if (!e.hasBase()) {
        if (!localGone && !remoteGone) {
          if (localFp.equals(r.fingerprint())) {
            agreed.add(e.withBase(l.revision(), r.fingerprint()));
          } else {
            conflict(e.localHash(), SyncConflict.LABELS, r, remoteClasses);
          }
        }
        continue;
      }
      boolean localChanged = localGone || l.revision() > e.baseRevision();
      boolean remoteChanged = remoteGone || !r.fingerprint().equals(e.baseFingerprint());
      if (!localChanged && !remoteChanged) {
        continue;
      }
      if (localGone && remoteGone) {
        forget.add(e.localHash());
      } else if (localGone) {
        if (remoteChanged) {
          conflict(e.localHash(), SyncConflict.DELETED_LOCALLY, r, remoteClasses);
        } else if (mode.pushes()) {
          deleteRemote.add(e.remoteName());
          forget.add(e.localHash());
        }
      } else if (remoteGone) {
        if (localChanged && !localFp.equals(e.baseFingerprint())) {
          conflict(e.localHash(), SyncConflict.DELETED_REMOTELY, null, remoteClasses);
        } else if (mode.pulls()) {
          deleteHere.add(e.localHash());
          forget.add(e.localHash());
        }
      } else if (localChanged && remoteChanged) {
        if (localFp.equals(r.fingerprint())) {
          agreed.add(e.withBase(l.revision(), r.fingerprint()));
        } else if (localFp.equals(e.baseFingerprint())) {
          takeRemote(e, l, r, remoteClasses, agreed); // only the revision moved here (a re-save)
        } else {
          conflict(e.localHash(), SyncConflict.LABELS, r, remoteClasses);
        }
      } else if (localChanged) {
        if (localFp.equals(e.baseFingerprint())) {
          agreed.add(e.withBase(l.revision(), e.baseFingerprint()));
        } else if (mode.pushes()) {
          sendLabels(e, l, localLabels, r, remoteClasses, moves, agreed, localFp);
        }
      } else if (mode.pulls()) {
        takeRemote(e, l, r, remoteClasses, agreed);
      }
    }
    for (Map.Entry<Split, List<String>> m : moves.entrySet()) {
      remote.client().images().move(link.remoteId(), m.getValue(), m.getKey().apiName());
      moved += m.getValue().size();
    }
    if (!deleteRemote.isEmpty()) {
      remote.client().images().delete(link.remoteId(), deleteRemote);
      deletedRemotely += deleteRemote.size();
    }
    if (!deleteHere.isEmpty()) {
      deletedHere += workspace.images().delete(dataset.id(), deleteHere);
      deleteHere.forEach(local::remove);
    }
    workspace.sync().putEntries(dataset.id(), agreed);
    workspace.sync().removeEntries(dataset.id(), forget);
    agreed.forEach(e -> entries.put(e.localHash(), e));
    forget.forEach(entries::remove);
  }

  private void sendLabels(SyncEntry e, ImageRecord l, List<Label> labels, RemoteRecord r, List<String> remoteClasses,
      Map<Split, List<String>> moves, List<SyncEntry> agreed, String localFp) {
    List<Label> sent = RemoteLabels.remap(labels, dataset.classNames(), remoteClasses);
    if (sent == null) {
      pushProblems.add(l.filename() + " (" + l.hash() + "): a class of its labels is not in the remote dataset");
      return;
    }
    if (!sent.equals(r.labels())) {
      remote.client().images().putLabels(link.remoteId(), e.remoteName(), RemoteLabels.toRemote(sent));
      labelsSent++;
    }
    if (l.split() != r.split()) {
      moves.computeIfAbsent(l.split(), s -> new ArrayList<>()).add(e.remoteName());
    }
    agreed.add(e.withBase(l.revision(), localFp));
  }

  private void takeRemote(SyncEntry e, ImageRecord l, RemoteRecord r, List<String> remoteClasses, List<SyncEntry> agreed) {
    List<Label> labels = toLocal(r.labels(), remoteClasses);
    workspace.labels().put(dataset.id(), l.hash(), labels);
    if (l.split() != r.split()) {
      workspace.images().moveToSplit(dataset.id(), List.of(l.hash()), r.split());
    }
    updatedHere++;
    long revision = workspace.images().require(dataset.id(), l.hash()).revision();
    agreed.add(e.withBase(revision, r.fingerprint()));
  }

  private void conflict(String hash, String kind, RemoteRecord r, List<String> remoteClasses) {
    if (r == null) {
      workspace.sync().putConflict(dataset.id(), hash, kind, null, null, null);
    } else {
      workspace.sync().putConflict(dataset.id(), hash, kind, r.split().apiName(),
          RemoteLabels.toJson(toLocal(r.labels(), remoteClasses)), r.fingerprint());
    }
  }

  /** An open conflict follows the remote side while it is open. */
  private void refreshConflict(SyncConflict c, RemoteRecord r, List<String> remoteClasses) {
    String fp = r == null ? null : r.fingerprint();
    if (!java.util.Objects.equals(fp, c.remoteFingerprint())) {
      String kind = r == null ? SyncConflict.DELETED_REMOTELY
          : SyncConflict.DELETED_REMOTELY.equals(c.kind()) ? SyncConflict.LABELS : c.kind();
      conflict(c.localHash(), kind, r, remoteClasses);
    }
  }

  /** Remote labels with local class ids; classes the local dataset lacks are added to it. */
  private List<Label> toLocal(List<Label> labels, List<String> remoteClasses) {
    List<Label> mapped = RemoteLabels.remap(labels, remoteClasses, dataset.classNames());
    if (mapped != null) {
      return mapped;
    }
    for (Label label : labels) {
      int id = label.classId();
      if (id >= 0 && id < remoteClasses.size() && !dataset.classNames().contains(remoteClasses.get(id))) {
        dataset = workspace.classes().add(dataset.id(), remoteClasses.get(id));
      }
    }
    mapped = RemoteLabels.remap(labels, remoteClasses, dataset.classNames());
    if (mapped == null) {
      throw new SyncException("remote labels name a class id the remote dataset does not list");
    }
    return mapped;
  }

  // ---- new images both ways ----

  private void uploadNew() {
    Set<String> used = new HashSet<>();
    entries.values().forEach(e -> used.add(e.remoteFilename().toLowerCase(Locale.ROOT)));
    Set<String> conflicted = new HashSet<>();
    workspace.sync().conflicts(dataset.id(), false).forEach(c -> conflicted.add(c.localHash()));
    List<ImageUploader.Outgoing> outgoing = new ArrayList<>();
    for (ImageRecord r : local.values()) {
      if (entries.containsKey(r.hash())) {
        skipped++;
        continue;
      }
      if (conflicted.contains(r.hash())) {
        continue;
      }
      if (!workspace.content().contains(r.hash())) {
        pushProblems.add(r.filename() + " (" + r.hash() + "): the image's bytes are not in the workspace");
        continue;
      }
      List<Label> labels = workspace.labels().get(dataset.id(), r.hash());
      outgoing.add(new ImageUploader.Outgoing(r, labels, uniqueName(r.filename(), used),
          LabelFingerprint.of(r.split(), labels, dataset.classNames())));
    }
    if (outgoing.isEmpty()) {
      return;
    }
    try {
      uploaded = new ImageUploader(workspace, remote.client(), options).upload(dataset, link.remoteId(), outgoing, monitor);
    } finally {
      entries.putAll(workspace.sync().entries(dataset.id())); // the uploader recorded what it sent
    }
    monitor.progress(0, -1, "learning the names of the uploaded images");
    learn(remote.images(link.remoteId(), monitor));
  }

  private static String uniqueName(String filename, Set<String> used) {
    String name = filename;
    int dot = filename.lastIndexOf('.');
    String stem = dot > 0 ? filename.substring(0, dot) : filename;
    String ext = dot > 0 ? filename.substring(dot) : "";
    for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = stem + "_" + n + ext;
    }
    return name;
  }

  private void fetchNew(RemoteSnapshot snapshot) {
    Set<String> tombstoned = new HashSet<>(workspace.images().tombstones(dataset.id(), 0));
    List<RemoteRecord> fresh = new ArrayList<>();
    for (RemoteRecord r : snapshot.records().values()) {
      if (!byName.containsKey(r.name()) && (r.sha256() == null || !tombstoned.contains(r.sha256()))) {
        fresh.add(r);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    RemoteImport imported = new RemoteImport(workspace, remote.client(), options, monitor);
    ImportResult result = imported.run(link.remoteId(), snapshot, fresh, ImportOptions.defaults().into(dataset.id()));
    report = result.report();
    failed.addAll(imported.failed());
    local = learnFetched(workspace, dataset.id(), imported.fetched(), entries);
  }

  /** Records the names of fetched images now in the dataset, agreed at their import; returns the dataset's images. */
  static Map<String, ImageRecord> learnFetched(
      Workspace workspace, String datasetId, List<ImageDownloader.Fetched> fetched, Map<String, SyncEntry> entries) {
    Map<String, ImageRecord> now = LocalImages.of(workspace, datasetId);
    List<SyncEntry> learned = new ArrayList<>();
    for (ImageDownloader.Fetched f : fetched) {
      ImageRecord r = now.get(f.sha256());
      if (r != null && !entries.containsKey(f.sha256())) {
        SyncEntry e = new SyncEntry(f.sha256(), f.record().name(), baseName(f.record().file()), null, r.revision(),
            f.record().fingerprint());
        entries.put(e.localHash(), e);
        learned.add(e);
      }
    }
    workspace.sync().putEntries(datasetId, learned);
    return now;
  }

  static String baseName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  static void noteFailures(ImportReport report, List<String> failed) {
    failed.forEach(f -> report.problem(ImportProblem.MISSING_IMAGE, f));
  }
}
