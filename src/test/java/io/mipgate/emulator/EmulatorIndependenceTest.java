package io.mipgate.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The emulator is the driver's test partner, so it must not share the driver's code: a model fact or a parser taken
 * from {@code io.mipgate.at} would be wrong in the emulator exactly where it is wrong in the driver, and every test
 * of one against the other would pass. Shared vocabulary lives in {@code io.mipgate.domain} instead.
 */
@AnalyzeClasses(packages = "io.mipgate.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorIndependenceTest {

    @ArchTest
    static final ArchRule emulatorDoesNotDependOnTheDriver = noClasses()
            .that().resideInAPackage("io.mipgate.emulator..")
            .should().dependOnClassesThat().resideInAPackage("io.mipgate.at..")
            .because("a fact or parser shared with the driver hides the driver's mistakes from every test");
}
