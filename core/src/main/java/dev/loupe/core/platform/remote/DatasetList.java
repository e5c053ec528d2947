package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/datasets}: {@code {"datasets": [...], "total": 1, "region": "us"}}. */
public record DatasetList(List<RemoteDataset> datasets, Long total, String region) {
  public DatasetList {
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
  }
}
