package dev.loupe.core.platform;

import dev.loupe.core.platform.remote.TrashList;
import dev.loupe.core.platform.remote.TrashQuery;
import dev.loupe.core.platform.remote.TrashRef;

/**
 * The trash routes: {@code /api/trash}. Emptying it ({@code DELETE /api/trash/empty}) needs a
 * browser session: {@link SessionOnlyRoute#TRASH_EMPTY}.
 */
public final class TrashApi {
  private final PlatformHttp http;

  TrashApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/trash}. */
  public TrashList list(TrashQuery q) {
    return Responses.read(http.send(ApiRequest.get("trash")
        .query("type", q.type()).query("page", q.page()).query("limit", q.limit()).query("owner", q.owner())),
        TrashList.class);
  }

  /** {@code POST /api/trash}: restores an item. */
  public void restore(TrashRef item) {
    http.send(ApiRequest.post("trash").json(item));
  }

  /** {@code DELETE /api/trash}: deletes an item for good; cannot be undone. */
  public void deleteForever(TrashRef item) {
    http.send(ApiRequest.delete("trash").json(item));
  }
}
