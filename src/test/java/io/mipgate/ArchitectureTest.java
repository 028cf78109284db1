package io.mipgate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The layering STYLE.md describes, checked on the production classes: dependencies point inward, the protocol core
 * knows nothing of Spring, threads or I/O, and the REST layer speaks the domain, not AT.
 */
@AnalyzeClasses(packages = "io.mipgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> PERFORMING_IO = resideInAnyPackage("java.io..", "java.net..",
            "java.nio.channels..", "java.nio.file..")
            .and(not(simpleNameStartingWith("ByteArray")))
            .as("perform I/O");

    /** What a module publishes for readers; everything else in the package issues commands or runs the worker. */
    private static final Set<String> MODULE_READ_TYPES = Set.of("ModuleDirectory", "ModuleSnapshot",
            "ConnectionSnapshot", "ConnectionState", "ModuleStatus", "JobOutcome", "SackSample", "SeqOutcome");

    private static final DescribedPredicate<JavaClass> MODULE_INTERNALS = new DescribedPredicate<>(
            "are module classes that issue commands or run the worker") {
        @Override
        public boolean test(JavaClass type) {
            String pkg = type.getPackageName();
            if (pkg.equals("io.mipgate.module")) {
                return !MODULE_READ_TYPES.contains(outermost(type).getSimpleName());
            }
            return pkg.startsWith("io.mipgate.module.") && !pkg.startsWith("io.mipgate.module.event");
        }
    };

    @ArchTest
    static final ArchRule protocolCoreDependsOnlyOnJavaAndTheDomain = classes()
            .that().resideInAPackage("io.mipgate.at..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.mipgate.domain..", "io.mipgate.at..");

    @ArchTest
    static final ArchRule protocolCoreHasNoIoAndNoThreads = noClasses()
            .that().resideInAPackage("io.mipgate.at..")
            .should().dependOnClassesThat(PERFORMING_IO)
            .orShould().dependOnClassesThat(assignableTo(Thread.class))
            .orShould().dependOnClassesThat(resideInAPackage("java.util.concurrent.."));

    @ArchTest
    static final ArchRule domainDependsOnlyOnJava = classes()
            .that().resideInAPackage("io.mipgate.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.mipgate.domain..");

    @ArchTest
    static final ArchRule transportKnowsNoProtocolNorModule = noClasses()
            .that().resideInAPackage("io.mipgate.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mipgate.at..", "io.mipgate.module..",
                    "io.mipgate.api..");

    @ArchTest
    static final ArchRule restLayerSpeaksTheDomainNotAt = noClasses()
            .that().resideInAPackage("io.mipgate.api..")
            .should().dependOnClassesThat().resideInAPackage("io.mipgate.at..");

    @ArchTest
    static final ArchRule storeAndMetricsOnlyRead = noClasses()
            .that().resideInAnyPackage("io.mipgate.store..", "io.mipgate.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mipgate.at..", "io.mipgate.api..")
            .orShould().dependOnClassesThat(MODULE_INTERNALS);

    @ArchTest
    static final ArchRule emulatorStandsApartFromTheGateway = noClasses()
            .that().resideInAPackage("io.mipgate.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mipgate.module..", "io.mipgate.api..",
                    "io.mipgate.store..");

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
