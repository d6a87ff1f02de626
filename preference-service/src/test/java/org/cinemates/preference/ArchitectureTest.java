package org.cinemates.preference;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cinemates.platform.test.ServiceRules;
import org.junit.jupiter.api.Test;

/** The package rules of preference-service. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.preference");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.cinemates.preference.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    /** Movie and member lookups serve the features; they know nothing of them. */
    @Test
    void lookupsKnowNothingOfTheFeatures() {
        noClasses()
                .that()
                .resideInAnyPackage("..preference.catalog..", "..preference.people..", "..preference.remote..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..preference.rating..",
                        "..preference.watchlist..",
                        "..preference.recommendation..",
                        "..preference.home..")
                .check(CLASSES);
    }

    /**
     * Ratings, the watchlist and recommendations stand alone; only the start page puts features
     * together, and recommendations read ratings through the rating package's API alone.
     */
    @Test
    void featuresStandAlone() {
        String[][] features = {
            {"..preference.rating..", "..preference.watchlist..", "..preference.recommendation..", "..preference.home.."
            },
            {"..preference.watchlist..", "..preference.rating..", "..preference.recommendation..", "..preference.home.."
            },
            {"..preference.recommendation..", "..preference.watchlist..", "..preference.home.."}
        };
        for (String[] feature : features) {
            noClasses()
                    .that()
                    .resideInAPackage(feature[0])
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(java.util.Arrays.copyOfRange(feature, 1, feature.length))
                    .check(CLASSES);
        }
    }

    /**
     * Other features read members' ratings through {@code MemberRatings} and change them (the
     * diary, imports) through {@code RatingUpdates}, nothing else of the package.
     */
    @Test
    void ratingsAreReadThroughTheirApiOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..preference.rating..")
                .should()
                .dependOnClassesThat(resideInAPackage("..preference.rating..")
                        .and(not(nameMatching(
                                "org\\.cinemates\\.preference\\.rating\\.(MemberRatings|RatingUpdates)(\\$.*)?"))))
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("..preference.community..")
                .and()
                .resideOutsideOfPackage("..preference.home..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("..preference.community..")
                                .and(
                                        not(
                                                nameMatching(
                                                        "org\\.cinemates\\.preference\\.community\\.(CommunityRatings(\\$.*)?|CommunityScores(\\$.*)?|CommunityImport|CommunityRatingsImported)"))))
                .check(CLASSES);
    }

    /** Every call to another service goes through a breaker and a time limit. */
    @Test
    void onlyTheRemotePackageUsesResilience4j() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..preference.remote..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.github.resilience4j..")
                .check(CLASSES);
    }

    /** Features ask the catalogue and people packages; only those (and the start page) speak HTTP to others. */
    @Test
    void onlyLookupsAndTheStartPageCallOtherServices() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..preference.rating..", "..preference.watchlist..", "..preference.recommendation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web.service..", "org.springframework.web.client..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.cinemates.platform.http.ServiceClients")
                .check(CLASSES);
        classes().that().haveSimpleNameEndingWith("Api").should().notBePublic().check(CLASSES);
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
