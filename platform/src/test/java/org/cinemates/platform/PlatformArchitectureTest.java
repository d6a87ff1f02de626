package org.cinemates.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform serves every service the same way and knows none of them. */
class PlatformArchitectureTest {

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cinemates.platform");

    @Test
    void platformDependsOnNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "org.cinemates.platform..",
                        "java..",
                        "javax..",
                        "jakarta..",
                        "org.springframework..",
                        "org.jspecify..",
                        "org.slf4j..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "com.nimbusds..",
                        "com.github.benmanes.caffeine..",
                        "io.github.bucket4j..",
                        "io.lettuce..",
                        "io.micrometer..",
                        "org.postgresql..",
                        "io.swagger.v3.oas..",
                        "org.springdoc..",
                        "org.apache.catalina..",
                        "org.apache.coyote..",
                        "org.apache.hc..")
                .check(PLATFORM);
    }

    @Test
    void webLayerDoesNotReachIntoSecurityInternals() {
        noClasses()
                .that()
                .resideInAPackage("..platform.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..platform.outbox..")
                .check(PLATFORM);
    }
}
