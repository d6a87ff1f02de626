package org.cinemates.recommender;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A plain library: nothing beyond the JDK at run time, and features that depend one way. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.recommender");

    @Test
    void dependsOnTheJdkAndEjmlOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.cinemates.recommender..",
                        "org.ejml..",
                        "java..",
                        "javax.management..",
                        "com.sun.management..",
                        "org.jspecify.annotations..")
                .check(MAIN);
        // Only the EASE family inverts matrices.
        noClasses()
                .that()
                .doNotHaveSimpleName("Ease")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.ejml..")
                .check(MAIN);
    }

    @Test
    void dataKnowsNothingOfModelsOrEvaluation() {
        noClasses()
                .that()
                .resideInAPackage("..recommender.data..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..recommender.model..", "..recommender.baseline..", "..recommender.evaluation..")
                .check(MAIN);
    }

    @Test
    void theShippedModelDoesNotNeedTheBaselinesOrTheEvaluation() {
        noClasses()
                .that()
                .resideInAPackage("..recommender.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..recommender.baseline..", "..recommender.evaluation..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("..recommender.baseline..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..recommender.evaluation..")
                .check(MAIN);
    }
}
