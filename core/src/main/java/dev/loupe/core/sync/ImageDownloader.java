package dev.loupe.core.sync;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.SignedTransfers;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches remote images from their signed URLs, several at once. A record without a URL, or whose
 * URL fails (expired signatures answer 403), gets a fresh one from {@code POST /images/urls} and one
 * more try; what still fails is named in the result, never fatal.
 */
final class ImageDownloader {
  private static final int URL_BATCH = 500;

  /** An image fetched to {@code dir/relativePath}, with the sha-256 of its bytes. */
  record Fetched(RemoteRecord record, String relativePath, String sha256) {}

  /** What was fetched and, for each image that was not, its file, remote name and why. */
  record Result(List<Fetched> fetched, List<String> failed) {}

  private final PlatformClient client;
  private final int threads;

  ImageDownloader(PlatformClient client, int threads) {
    this.client = client;
    this.threads = threads;
  }

  Result fetch(String remoteId, List<RemoteRecord> records, Path dir, TaskMonitor monitor) {
    Map<RemoteRecord, String> urls = new LinkedHashMap<>();
    List<RemoteRecord> noUrl = new ArrayList<>();
    for (RemoteRecord r : records) {
      if (r.url() != null) {
        urls.put(r, r.url());
      } else {
        noUrl.add(r);
      }
    }
    urls.putAll(freshUrls(remoteId, noUrl));
    Map<RemoteRecord, String> why = new HashMap<>();
    List<Fetched> fetched = new ArrayList<>();
    List<RemoteRecord> retry = new ArrayList<>();
    for (RemoteRecord r : noUrl) {
      if (!urls.containsKey(r)) {
        why.put(r, "no image URL");
      }
    }
    AtomicLong done = new AtomicLong();
    int[] index = {0};
    for (Map.Entry<RemoteRecord, Object> e : run(urls, dir, index, done, records.size(), monitor).entrySet()) {
      if (e.getValue() instanceof Fetched f) {
        fetched.add(f);
      } else {
        retry.add(e.getKey());
        why.put(e.getKey(), (String) e.getValue());
      }
    }
    if (!retry.isEmpty()) {
      Map<RemoteRecord, String> again = freshUrls(remoteId, retry);
      again.entrySet().removeIf(e -> e.getValue().equals(e.getKey().url()));
      for (Map.Entry<RemoteRecord, Object> e : run(again, dir, index, done, records.size(), monitor).entrySet()) {
        if (e.getValue() instanceof Fetched f) {
          fetched.add(f);
          why.remove(e.getKey());
        } else {
          why.put(e.getKey(), (String) e.getValue());
        }
      }
    }
    List<String> failed = new ArrayList<>();
    for (RemoteRecord r : records) {
      if (why.containsKey(r)) {
        failed.add(r.file() + " (" + r.name() + "): " + why.get(r));
      }
    }
    return new Result(fetched, failed);
  }

  /** Each record's outcome: a {@link Fetched} or the reason it failed. */
  private Map<RemoteRecord, Object> run(
      Map<RemoteRecord, String> urls, Path dir, int[] index, AtomicLong done, int total, TaskMonitor monitor) {
    Map<RemoteRecord, Object> out = new LinkedHashMap<>();
    if (urls.isEmpty()) {
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, urls.size()), r -> {
      Thread t = new Thread(r, "loupe-sync-download");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<RemoteRecord, Future<Object>> futures = new LinkedHashMap<>();
      for (Map.Entry<RemoteRecord, String> e : urls.entrySet()) {
        String relative = "img/" + index[0]++ + "/" + baseName(e.getKey().file());
        futures.put(e.getKey(), pool.submit(() -> {
          if (monitor.isCancelled()) {
            return "cancelled";
          }
          Object outcome = fetchOne(e.getKey(), e.getValue(), dir, relative);
          long n = done.incrementAndGet();
          if (n % 100 == 0 || n == total) {
            monitor.progress(n, total, "downloaded " + n + " of " + total + " images");
          }
          return outcome;
        }));
      }
      for (Map.Entry<RemoteRecord, Future<Object>> f : futures.entrySet()) {
        try {
          out.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          out.put(f.getKey(), String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancelledException();
        }
      }
      monitor.checkCancelled();
      return out;
    } finally {
      pool.shutdown();
    }
  }

  private Object fetchOne(RemoteRecord r, String url, Path dir, String relative) {
    try {
      SignedTransfers.Download d = client.transfers().download(url, dir.resolve(relative));
      return new Fetched(r, relative, d.sha256());
    } catch (PlatformException | IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Signed URLs for records by remote name; the records the server gave none (or that failed) are left out. */
  private Map<RemoteRecord, String> freshUrls(String remoteId, List<RemoteRecord> records) {
    Map<RemoteRecord, String> out = new LinkedHashMap<>();
    for (int from = 0; from < records.size(); from += URL_BATCH) {
      List<RemoteRecord> batch = records.subList(from, Math.min(records.size(), from + URL_BATCH));
      Map<String, String> urls;
      try {
        urls = client.images().imageUrls(remoteId, batch.stream().map(RemoteRecord::name).toList());
      } catch (PlatformException e) {
        return out; // the server cannot sign URLs: the images stay failed
      }
      for (RemoteRecord r : batch) {
        String url = urls.get(r.name());
        if (url != null) {
          out.put(r, url);
        }
      }
    }
    return out;
  }

  private static String baseName(String file) {
    String f = file.replace('\\', '/');
    String name = f.substring(f.lastIndexOf('/') + 1);
    return name.isEmpty() || name.equals("..") || name.equals(".") ? "image" : name;
  }
}
