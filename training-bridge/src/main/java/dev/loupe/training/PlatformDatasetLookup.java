package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.RemoteDataset;
import java.util.List;

/**
 * Takes the platform dataset with the local dataset's slug as its copy ({@code GET
 * /api/datasets?slug=...}) and names it {@code ul://USERNAME/datasets/SLUG}. The reference gives
 * no {@code ul://} form for a dataset version, so a version is refused with what to do instead.
 */
public final class PlatformDatasetLookup implements RemoteDatasetResolver {
  private final PlatformClient client;

  public PlatformDatasetLookup(PlatformClient client) {
    this.client = client;
  }

  @Override
  public String uri(Dataset dataset, Integer version) {
    if (version != null) {
      throw new IllegalArgumentException("the platform's ul:// URIs name a dataset, not one of its versions:"
          + " train version " + version + " of " + dataset.slug() + " on this machine (--local), or push that"
          + " version as a dataset of its own and train that on the cloud");
    }
    List<RemoteDataset> found = client.datasets().list(DatasetQuery.bySlug(dataset.slug())).datasets().stream()
        .filter(d -> dataset.slug().equals(d.slug()))
        .toList();
    if (found.isEmpty()) {
      throw new RemoteDatasetMissingException(dataset.slug(), null);
    }
    RemoteDataset remote = found.get(0);
    if (remote.username() == null || remote.username().isBlank()) {
      throw new RemoteDatasetMissingException(dataset.slug(),
          "the platform's dataset " + remote.id() + " does not say whose it is, so it has no ul:// URI");
    }
    return "ul://" + remote.username() + "/datasets/" + remote.slug();
  }
}
