package dev.loupe.hub;

import dev.loupe.core.platform.RateCategory;
import java.util.regex.Pattern;

/** Which of the platform's rate-limit categories a request counts against (the reference's table). */
final class RouteCategory {
  private static final Pattern PREDICT = Pattern.compile("/api/models/[^/]+/predict");
  private static final Pattern MODEL_FILES = Pattern.compile("/api/models/[^/]+/files");
  private static final Pattern DATASET_EXPORT = Pattern.compile("/api/datasets/[^/]+/export");

  private RouteCategory() {}

  static RateCategory of(String method, String path) {
    if (path.equals("/api/training/start")) {
      return RateCategory.TRAINING;
    }
    if (path.startsWith("/api/upload/") || path.equals("/api/datasets/ingest")) {
      return RateCategory.UPLOAD;
    }
    if (method.equals("POST") && PREDICT.matcher(path).matches()) {
      return RateCategory.PREDICT;
    }
    if ((method.equals("POST") && path.equals("/api/exports"))
        || (!method.equals("PATCH") && DATASET_EXPORT.matcher(path).matches())) {
      return RateCategory.EXPORT;
    }
    if (MODEL_FILES.matcher(path).matches()) {
      return RateCategory.DOWNLOAD;
    }
    return RateCategory.DEFAULT;
  }
}
