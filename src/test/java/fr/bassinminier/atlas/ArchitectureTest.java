package fr.bassinminier.atlas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inwards: model ← io, style, render … ← ui, cli. */
@AnalyzeClasses(packages = "fr.bassinminier.atlas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "fr.bassinminier.atlas.";

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage(ROOT + "model..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "io..", ROOT + "crs..", ROOT + "style..",
                    ROOT + "render..", ROOT + "analysis..", ROOT + "records..", ROOT + "print..", ROOT + "ui..",
                    ROOT + "cli..");

    @ArchTest
    static final ArchRule modelHasNoIoNorUi = noClasses().that().resideInAPackage(ROOT + "model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.channels..", "java.sql..",
                    "java.net..", "java.awt..", "javafx..", "com.fasterxml..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .because("the model may name a file (Path) but never reads or writes one");

    @ArchTest
    static final ArchRule innerLayersDoNotKnowTheOuterOnes = noClasses().that()
            .resideInAnyPackage(ROOT + "model..", ROOT + "io..", ROOT + "crs..", ROOT + "style..", ROOT + "render..",
                    ROOT + "analysis..", ROOT + "records..", ROOT + "print..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui..", ROOT + "cli..", "javafx..", "picocli..");

    @ArchTest
    static final ArchRule uiAndCliAreIndependent = noClasses().that().resideInAPackage(ROOT + "ui..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "cli..");

    @ArchTest
    static final ArchRule cliHasNoJavaFx = noClasses().that().resideInAPackage(ROOT + "cli..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui..", "javafx..");

    @ArchTest
    static final ArchRule renderDoesNoFileIo = noClasses().that().resideInAnyPackage(ROOT + "render..", ROOT + "style..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "io..");

    @ArchTest
    static final ArchRule formatsDoNotDependOnEachOther = slices().matching(ROOT + "io.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "io.shapefile.."))
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "io.project.."),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                            ROOT + "io.wfs..", ROOT + "io.apicarto.."),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "io.geojson.."))
            .because("each format sits behind the io interfaces; only the zip reader reuses the shapefile codec, "
                    + "the WFS and API Carto clients the GeoJSON geometry codec (their answers are GeoJSON), "
                    + "and the project loader, which assembles data and styles, uses them all");

    @ArchTest
    static final ArchRule noCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();
}
