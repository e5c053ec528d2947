package dev.loupe.labeling.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps labeling a UI module: storage is reached only through core's workspace API (never SQL, H2 or
 * the network), and its plain models (model, geom, keys) stay free of controls so they can be tested
 * without a window.
 */
@AnalyzeClasses(packages = "dev.loupe.labeling", importOptions = ImportOption.DoNotIncludeTests.class)
class LabelingArchitectureTest {
  @ArchTest
  static final ArchRule noStorageOrNetworkCode =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..", "java.net.http..", "javax.net..");

  @ArchTest
  static final ArchRule modelsKnowNoControls =
      noClasses()
          .that()
          .resideInAnyPackage("dev.loupe.labeling.model..", "dev.loupe.labeling.geom..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "dev.loupe.labeling.canvas..", "dev.loupe.core.workspace..");

  @ArchTest
  static final ArchRule noAppCode =
      noClasses().should().dependOnClassesThat().resideInAPackage("dev.loupe.app..");
}
