package fr.bassinminier.atlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.bassinminier.atlas.io.csv.CsvExport;
import fr.bassinminier.atlas.io.geopackage.GeoPackageWriter;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.shapefile.ShapefileWriter;
import fr.bassinminier.atlas.io.tiles.MbtilesWriter;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.print.PdfFiles;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every kind of file the program writes gets the mode any program gets under the user's umask
 * (0644 under umask 022), not the owner-only mode of a temporary file: colleagues must be able
 * to open a PDF or a project saved to a shared folder.
 */
class WrittenFileModesTest {
    @TempDir
    Path dir;
    private Set<PosixFilePermission> umaskMode;

    @BeforeEach
    void reference() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system only");
        umaskMode = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
        assumeTrue(umaskMode.contains(PosixFilePermission.GROUP_READ), "a umask that lets the group read");
    }

    private void assertUmaskMode(Path f) throws Exception {
        assertEquals(PosixFilePermissions.toString(umaskMode),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.getFileName().toString());
    }

    private static VectorLayer points() {
        GeometryFactory gf = new GeometryFactory();
        return new VectorLayer("points", GeometryType.POINT, CrsId.LAMBERT_93, Schema.empty(),
                List.of(new Feature(1, gf.createPoint(new Coordinate(700000, 7040000)), Schema.empty(), new Object[0])));
    }

    @Test
    void pdfPngCsvProjectGeoPackageShapefileAndTilesGetTheUmaskMode() throws Exception {
        Path pdf = dir.resolve("carte.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PdfFiles.save(doc, pdf);
        }
        assertUmaskMode(pdf);

        Path png = dir.resolve("carte.png");
        AtomicFiles.write(png, out -> javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", out));
        assertUmaskMode(png);

        Path csv = dir.resolve("points.csv");
        CsvExport.write(csv, points());
        assertUmaskMode(csv);

        Path project = dir.resolve("carte.atlas.json");
        ProjectFile.write(project, new MapProject("Carte", CrsId.LAMBERT_93, new Envelope(0, 1, 0, 1), List.of(),
                List.of(), null));
        assertUmaskMode(project);

        Path gpkg = dir.resolve("points.gpkg");
        new GeoPackageWriter().write(gpkg, List.of(points()));
        assertUmaskMode(gpkg);

        Path shp = dir.resolve("points.shp");
        new ShapefileWriter().write(shp, List.of(points()));
        for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Path part = dir.resolve("points." + ext);
            if (Files.exists(part)) assertUmaskMode(part);
        }

        Path tiles = dir.resolve("fond.mbtiles");
        MbtilesWriter w = new MbtilesWriter(tiles, Map.of("name", "fond"));
        w.commit();
        assertUmaskMode(tiles);
    }
}
