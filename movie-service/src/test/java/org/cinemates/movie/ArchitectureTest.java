package org.cinemates.movie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cinemates.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

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
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void onlyThePlatformReadsTokens() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.security.oauth2.jwt..")
                .check(CLASSES);
    }

    @Test
    void failuresAreProblemsNamedAfterWhatHappened() {
        classes()
                .that()
                .areAssignableTo(RuntimeException.class)
                .and()
                .arePublic()
                .should()
                .beAssignableTo(ProblemException.class)
                .check(CLASSES);
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
        fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
    }
}
