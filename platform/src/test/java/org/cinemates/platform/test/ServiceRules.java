package org.cinemates.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import org.cinemates.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The package rules every service keeps; each service's ArchitectureTest checks them on its classes. */
public final class ServiceRules {

    /** Controllers are entry points for HTTP, not for other packages. */
    public static final ArchRule CONTROLLERS_ARE_PACKAGE_PRIVATE =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

    /** Tokens are verified in one place, the platform; services see a CurrentUser. */
    public static final ArchRule ONLY_THE_PLATFORM_READS_TOKENS =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.security.oauth2.jwt..");

    /** A public exception is something a client can be told: a problem+json answer. */
    public static final ArchRule FAILURES_ARE_PROBLEMS = classes()
            .that()
            .areAssignableTo(RuntimeException.class)
            .and()
            .arePublic()
            .should()
            .beAssignableTo(ProblemException.class);

    public static final ArchRule NO_FIELD_INJECTION = fields().should().notBeAnnotatedWith(Autowired.class);

    private ServiceRules() {}
}
