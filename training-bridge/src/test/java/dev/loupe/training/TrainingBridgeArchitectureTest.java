package dev.loupe.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The training bridge depends on core only: no UI toolkit, no other Loupe module. */
@AnalyzeClasses(packages = "dev.loupe.training", importOptions = ImportOption.DoNotIncludeTests.class)
class TrainingBridgeArchitectureTest {
  @ArchTest
  static final ArchRule noUi =
      noClasses().should().dependOnClassesThat()
          .resideInAnyPackage("javafx..", "com.sun.javafx..", "javax.swing..", "java.awt..");

  @ArchTest
  static final ArchRule coreOnly =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.loupe.app..", "dev.loupe.labeling..");
}
