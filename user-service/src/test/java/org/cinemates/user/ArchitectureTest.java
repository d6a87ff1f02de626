package org.cinemates.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cinemates.platform.test.ServiceRules;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of user-service: features stand alone and entities stay inside. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.user");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.cinemates.user.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void accountsKnowNothingOfSessionsOrFriendships() {
        noClasses()
                .that()
                .resideInAPackage("..user.account..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..user.auth..", "..user.friendship..")
                .check(CLASSES);
    }

    @Test
    void controllersNeverAnswerWithEntities() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .should()
                .notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an entity", type -> type.isAnnotatedWith(Table.class)))
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        ServiceRules.NO_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void onlyPlatformSecurityReadsTokensDirectly() {
        noClasses()
                .that()
                .resideInAPackage("..user.account..")
                .or()
                .resideInAPackage("..user.friendship..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.security.oauth2.jwt..")
                .check(CLASSES);
    }
}
