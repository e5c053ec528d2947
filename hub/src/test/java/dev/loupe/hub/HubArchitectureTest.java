package dev.loupe.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The hub depends on core (and its server library) only: no UI, no app, no other module. */
class HubArchitectureTest {
  private final JavaClasses hub = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.loupe.hub");

  @Test
  void theHubKnowsNoUiAndNoOtherModuleThanCore() {
    noClasses().that().resideInAPackage("dev.loupe.hub..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "java.awt.event..",
            "dev.loupe.app..", "dev.loupe.labeling..", "dev.loupe.training..")
        .check(hub);
  }
}
