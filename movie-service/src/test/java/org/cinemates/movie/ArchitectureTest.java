package org.cinemates.movie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cinemates.platform.test.ServiceRules;
import org.junit.jupiter.api.Test;

/** The package rules of movie-service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.movie");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.cinemates.movie.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The importer writes the catalogue; the catalogue knows nothing of where its movies came from. */
    @Test
    void theCatalogueKnowsNothingOfTheImporter() {
        noClasses()
                .that()
                .resideInAPackage("..movie.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..movie.importer..")
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        ServiceRules.CONTROLLERS_ARE_PACKAGE_PRIVATE.check(CLASSES);
    }

    @Test
    void onlyThePlatformReadsTokens() {
        ServiceRules.ONLY_THE_PLATFORM_READS_TOKENS.check(CLASSES);
    }

    @Test
    void failuresAreProblemsNamedAfterWhatHappened() {
        ServiceRules.FAILURES_ARE_PROBLEMS.check(CLASSES);
    }

    @Test
    void onlyTheImporterTalksToPostgresqlDirectly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..movie.importer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.postgresql..")
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        ServiceRules.NO_FIELD_INJECTION.check(CLASSES);
    }
}
