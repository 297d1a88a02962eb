package io.spineconsole.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
            .layer("Api").definedBy("io.spineconsole.api", "io.spineconsole.api.sds")
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

    /**
     * What a class does, not what it is called: a UI class that calls the admin API (a method of one
     * of its ports) is a view model, and a view model never touches the scene graph. Views never call
     * the API; they bind to their view model (handing it the API when connected is not a call).
     */
    private static final DescribedPredicate<JavaClass> AN_API_PORT = DescribedPredicate.describe("an API port",
            c -> c.isInterface() && (c.getPackageName().equals("io.spineconsole.api")
                    || c.getPackageName().equals("io.spineconsole.api.sds"))
                    && (c.getSimpleName().endsWith("Api") || c.getSimpleName().equals("SdsDirectory")));

    @ArchTest
    static final ArchRule whatTalksToTheApiStaysOffTheSceneGraph = noClasses()
            .that().resideInAPackage("io.spineconsole.ui..")
            .and(DescribedPredicate.describe("call the admin API",
                    (JavaClass c) -> c.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> AN_API_PORT.test(call.getTargetOwner()))))
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    /** A workspace is a room of its own: none imports another (every pair), nor the shell around them. */
    @ArchTest
    static final ArchRule workspacesAreIndependent = slices().matching("io.spineconsole.ui.(registrations|messages|migration|admin)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule domainHasNoFrameworks = noClasses().that().resideInAPackage("io.spineconsole.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "com.fasterxml..",
                    "io.javalin..", "java.sql..");

    @ArchTest
    static final ArchRule workspacesDoNotDependOnTheShell = noClasses()
            .that().resideInAnyPackage("io.spineconsole.ui.registrations..", "io.spineconsole.ui.messages..",
                    "io.spineconsole.ui.migration..", "io.spineconsole.ui.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("io.spineconsole.ui.shell..");

    /**
     * Storage speaks the domain, not HTTP: stores, rules, ingest, jobs and the simulator answer with
     * outcomes and take typed inputs; only sandbox.http knows Javalin, requests, status codes and problems.
     */
    @ArchTest
    static final ArchRule onlySandboxHttpSpeaksHttp = noClasses()
            .that().resideInAPackage("io.spineconsole.sandbox..")
            .and().resideOutsideOfPackage("io.spineconsole.sandbox.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.spineconsole.sandbox.http..");

    /** Every package of the sandbox (its root included) is a slice; none may depend on another in a circle. */
    private static final SliceAssignment SANDBOX_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("io.spineconsole.sandbox") || name.startsWith("io.spineconsole.sandbox.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of io.spineconsole.sandbox";
        }
    };

    @ArchTest
    static final ArchRule sandboxPackagesHaveNoCycles = slices().assignedFrom(SANDBOX_PACKAGES)
            .should().beFreeOfCycles();
}
