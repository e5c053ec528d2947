package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetOperationsTest {
  @TempDir Path tmp;
  private Workspace ws;

  @BeforeEach
  void open() {
    ws = Workspace.open(tmp.resolve("ws"));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private List<String> fill(String dataset, int n, List<List<Label>> labels) {
    List<NewImage> images = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String hash = ContentStore.sha256((dataset + i).getBytes(StandardCharsets.UTF_8));
      hashes.add(hash);
      images.add(new NewImage(hash, "img" + i + ".jpg", 100, 50, 10, Split.TRAIN,
          labels.get(i % labels.size()), null, null, null));
    }
    ws.images().add(dataset, images);
    return hashes;
  }

  @Test
  void createGetUpdateAndListFollowTheDatasetsApi() {
    Dataset created = ws.datasets().create(
        new NewDataset("my-set", "My Set", "desc", Task.POSE, List.of("person"), Visibility.PRIVATE,
            new KptShape(17, 3), null, Map.of("download", "x")));
    assertThat(created.id()).startsWith("ds_");
    assertThat(ws.datasets().require("my-set")).isEqualTo(created);
    assertThat(ws.datasets().require(created.id())).isEqualTo(created);
    Dataset updated = ws.datasets().update("my-set", new DatasetPatch("Renamed", null, Visibility.PUBLIC));
    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.description()).isEqualTo("desc");
    assertThat(updated.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(updated.revision()).isGreaterThan(created.revision());
    assertThat(ws.datasets().list()).extracting(Dataset::slug).containsExactly("my-set");
    assertThat(ws.datasets().create(NewDataset.of("My Set", Task.DETECT, List.of())).slug()).isEqualTo("my-set-2");
  }

  @Test
  void aDeletedImagesSeqIsNeverHandedOutAgainAfterAReopen() {
    ws.datasets().create(NewDataset.of("r", Task.DETECT, List.of("a")));
    List<String> hashes = fill("r", 3, List.of(List.of()));
    ws.images().list("r", ImageQuery.all());
    ws.images().delete("r", List.of(hashes.get(2)));
    ws.close();
    ws = Workspace.open(tmp.resolve("ws"));
    String fresh = ContentStore.sha256("fresh".getBytes(StandardCharsets.UTF_8));
    ws.images().add("r", List.of(new NewImage(fresh, "new.jpg", 10, 10, 1, Split.VAL, List.of(), null, null, null)));
    assertThat(ws.images().list("r", ImageQuery.all().withSort(ImageSort.NEWEST)).images())
        .extracting(dev.loupe.core.domain.ImageRecord::hash)
        .containsExactly(fresh, hashes.get(1), hashes.get(0));
    ws.close();
    ws = Workspace.open(tmp.resolve("ws"));
    assertThat(ws.images().list("r", ImageQuery.all()).total()).isEqualTo(3);
  }

  @Test
  void invalidDatasetsAreRefused() {
    assertThatThrownBy(() -> ws.datasets().create(NewDataset.of("p", Task.POSE, List.of("a"))))
        .hasMessageContaining("kpt_shape");
    assertThatThrownBy(() -> ws.datasets().create(NewDataset.of("d", Task.DETECT, List.of("a", "a"))))
        .hasMessageContaining("appears twice");
    ws.datasets().create(new NewDataset("taken", "x", "", Task.DETECT, List.of(), null, null, null, null));
    assertThatThrownBy(() -> ws.datasets().create(new NewDataset("taken", "y", "", Task.DETECT, List.of(), null, null, null, null)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void labelsAreValidatedAgainstTheDatasetAndRefusedWholesale() {
    ws.datasets().create(new NewDataset("pose", "pose", "", Task.POSE, List.of("person"), null,
        new KptShape(2, 3), List.of(1, 0), null));
    String hash = fill("pose", 1, List.of(List.of())).get(0);
    PoseLabel good = new PoseLabel(0, 0.5, 0.5, 0.2, 0.2, Coords.of(0.4, 0.4, 2, 0.6, 0.6, 1), 3);
    ws.labels().put("pose", hash, List.of(good));
    assertThat(ws.labels().get("pose", hash)).containsExactly(good);

    PoseLabel wrongShape = new PoseLabel(0, 0.5, 0.5, 0.2, 0.2, Coords.of(0.4, 0.4, 2), 3);
    assertThatThrownBy(() -> ws.labels().put("pose", hash, List.of(new BoxLabel(0, 0.5, 0.5, 0.1, 0.1), wrongShape, good.withClassId(4))))
        .isInstanceOf(InvalidLabelsException.class)
        .hasMessageContaining("label 0: a pose dataset takes only pose labels")
        .hasMessageContaining("label 1: pose label has 1x3")
        .hasMessageContaining("label 2: class 4 is not one of");
    assertThat(ws.labels().get("pose", hash)).containsExactly(good);

    PoseLabel outside = new PoseLabel(0, 1.3, 0.5, 0.2, 0.2, Coords.of(0.4, 0.4, 2, 0.6, 0.6, 1), 3);
    ws.labels().put("pose", hash, List.of(outside));
    assertThat(ws.images().require("pose", hash).errorReason()).contains("1.3 outside");
    ws.labels().put("pose", hash, List.of(good));
    assertThat(ws.images().require("pose", hash).hasError()).isFalse();
  }

  @Test
  void mergeDeleteAndRenameClassesRewriteEveryLabel() {
    ws.datasets().create(NewDataset.of("c", Task.DETECT, List.of("a", "b", "c", "d")));
    List<String> hashes = fill("c", 2, List.of(
        List.of(new BoxLabel(0, .5, .5, .1, .1), new BoxLabel(1, .5, .5, .1, .1), new BoxLabel(3, .5, .5, .1, .1)),
        List.of(new BoxLabel(2, .5, .5, .1, .1))));
    long moved = ws.classes().merge("c", List.of(1, 2), 0);
    assertThat(moved).isEqualTo(2);
    assertThat(ws.datasets().require("c").classNames()).containsExactly("a", "d");
    assertThat(ws.labels().get("c", hashes.get(0))).extracting(Label::classId).containsExactly(0, 0, 1);
    assertThat(ws.labels().get("c", hashes.get(1))).extracting(Label::classId).containsExactly(0);

    assertThat(ws.classes().delete("c", 0)).isEqualTo(3);
    assertThat(ws.datasets().require("c").classNames()).containsExactly("d");
    assertThat(ws.labels().get("c", hashes.get(0))).extracting(Label::classId).containsExactly(0);
    assertThat(ws.images().list("c", ImageQuery.all().withHasLabel(false)).total()).isEqualTo(1);

    ws.classes().rename("c", 0, "dog");
    assertThat(ws.datasets().require("c").classNames()).containsExactly("dog");
    assertThatThrownBy(() -> ws.classes().rename("c", 5, "x")).hasMessageContaining("class 5 does not exist");
  }

  @Test
  void splitRedistributionFollowsRatiosAndSeed() {
    ws.datasets().create(NewDataset.of("s", Task.CLASSIFY, List.of("x")));
    List<String> hashes = fill("s", 1000, List.of(List.of(new ClassLabel(0))));
    Map<Split, Long> counts = ws.splits().redistribute("s", SplitRatios.parse("0.7,0.2,0.1"), 42);
    assertThat(counts).containsEntry(Split.TRAIN, 700L).containsEntry(Split.VAL, 200L).containsEntry(Split.TEST, 100L);
    List<Split> first = hashes.stream().map(h -> ws.images().require("s", h).split()).toList();
    ws.splits().redistribute("s", SplitRatios.parse("1,0"), 1);
    ws.splits().redistribute("s", SplitRatios.parse("70/20/10"), 42);
    List<Split> again = hashes.stream().map(h -> ws.images().require("s", h).split()).toList();
    assertThat(again).isEqualTo(first);
    assertThat(ws.images().list("s", ImageQuery.all().withSplit(Split.VAL)).total()).isEqualTo(200);
    assertThatThrownBy(() -> SplitRatios.parse("a,b")).hasMessageContaining("must be numbers");
  }
}
