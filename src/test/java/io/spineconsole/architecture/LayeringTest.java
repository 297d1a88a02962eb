package io.spineconsole.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The dependency rules of ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(packages = "io.spineconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("io.spineconsole.app..")
            .layer("UI").definedBy("io.spineconsole.ui..")
            .layer("Settings").definedBy("io.spineconsole.settings..")
            .layer("Sandbox").definedBy("io.spineconsole.sandbox..")
            .layer("HttpClient").definedBy("io.spineconsole.api.http..")
            .layer("Wire").definedBy("io.spineconsole.api.wire..")
            .layer("Api").definedBy("io.spineconsole.api")
            .layer("Domain").definedBy("io.spineconsole.domain..")
            .layer("Platform").definedBy("io.spineconsole.platform..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("App")
            .whereLayer("HttpClient").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Settings").mayOnlyBeAccessedByLayers("App", "UI")
            .whereLayer("Wire").mayOnlyBeAccessedByLayers("HttpClient", "Sandbox", "Settings")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("App", "UI", "HttpClient", "Sandbox")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "UI", "Settings", "Sandbox", "HttpClient",
                    "Wire", "Api");

    @ArchTest
    static final ArchRule onlyUiAndAppTouchTheSceneGraph = noClasses()
            .that().resideOutsideOfPackages("io.spineconsole.ui..", "io.spineconsole.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule viewModelsStayOffTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule domainHasNoFrameworks = noClasses().that().resideInAPackage("io.spineconsole.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "com.fasterxml..",
                    "io.javalin..", "java.sql..");

    @ArchTest
    static final ArchRule registrationStoresSpeakTheDomain = noClasses()
            .that().resideInAPackage("io.spineconsole.sandbox.registrations..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.spineconsole.sandbox.http..");

    @ArchTest
    static final ArchRule workspacesDoNotDependOnEachOther = noClasses()
            .that().resideInAnyPackage("io.spineconsole.ui.registrations..", "io.spineconsole.ui.messages..",
                    "io.spineconsole.ui.migration..")
            .should().dependOnClassesThat().resideInAnyPackage("io.spineconsole.ui.shell..");
}
