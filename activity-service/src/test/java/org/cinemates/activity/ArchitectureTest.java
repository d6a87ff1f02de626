package org.cinemates.activity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cinemates.platform.test.ServiceRules;
import org.junit.jupiter.api.Test;
import org.springframework.web.service.annotation.HttpExchange;

/** The package rules of activity-service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.activity");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.cinemates.activity.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    /** people is what the others build on; it knows nothing of activities. */
    @Test
    void peopleKnowNothingOfTheLogOrTheFeed() {
        noClasses()
                .that()
                .resideInAPackage("..activity.people..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..activity.log..", "..activity.feed..")
                .check(CLASSES);
    }

    @Test
    void theLogKnowsNothingOfWhoReadsIt() {
        noClasses()
                .that()
                .resideInAPackage("..activity.log..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..activity.feed..")
                .check(CLASSES);
    }

    @Test
    void onlyPeopleTalksToUserService() {
        methods()
                .that()
                .areMetaAnnotatedWith(HttpExchange.class)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("..activity.people..")
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
    void noFieldInjection() {
        ServiceRules.NO_FIELD_INJECTION.check(CLASSES);
    }
}
