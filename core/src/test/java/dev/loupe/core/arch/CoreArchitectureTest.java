package dev.loupe.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps core free of UI toolkits: it must run headless, under a server, in a CLI. */
@AnalyzeClasses(packages = "dev.loupe.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
  @ArchTest
  static final ArchRule noJavaFx =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

  @ArchTest
  static final ArchRule noSwingOrAwtWindows =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.swing..", "java.awt.event..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(java.awt.Component.class);

  @ArchTest
  static final ArchRule domainDependsOnNothingElseInLoupe =
      noClasses()
          .that()
          .resideInAPackage("dev.loupe.core.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.loupe.core.workspace..", "dev.loupe.core.formats..", "dev.loupe.core.io..", "dev.loupe.core.api..");

  @ArchTest
  static final ArchRule formatsDoNotKnowTheWorkspace =
      noClasses()
          .that()
          .resideInAPackage("dev.loupe.core.formats..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.loupe.core.workspace..");
}
