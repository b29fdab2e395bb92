package fr.bassinminier.atlas.io.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.style.sld.SldException;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.style.sld.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SldFilesTest {
    private static final Style CITES = Styles.fromSimple(new LayerStyle("#e07b1a", 0.85, "#7a3e05", 0.8, null, 6, null),
            new LabelRule("nom", 60_000, 10, "#5a2d03", 4, false), GeometryType.POLYGON);

    @Test
    void writeThenReadAndReplaceAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("styles").resolve("cites.sld");
        SldFiles.write(file, CITES);
        assertEquals(CITES, SldFiles.read(file));
        Style other = Styles.fromSimple(null, null, GeometryType.POINT);
        SldFiles.write(file, other);
        assertEquals(other, SldFiles.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside the style");
        }
        assertEquals(List.of(), SldFiles.readDocument(file).warnings());
    }

    @Test
    void errorsNameTheFileAsGiven(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("absent.sld");
        SldException e = assertThrows(SldException.class, () -> SldFiles.read(missing));
        assertEquals(missing + " : fichier introuvable", e.getMessage());

        Path bad = dir.resolve("cites.sld");
        Files.writeString(bad, "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\">\n<NamedLayer>\n");
        SldException e2 = assertThrows(SldException.class, () -> SldFiles.read(bad));
        assertTrue(e2.getMessage().startsWith(bad + ", ligne "), e2.getMessage());

        SldException e3 = assertThrows(SldException.class, () -> SldFiles.read(dir));
        assertTrue(e3.getMessage().endsWith("c'est un dossier, pas un fichier de style"), e3.getMessage());
    }

    @Test
    void failedWriteKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cites.sld");
        SldFiles.write(file, CITES);
        Path blocked = dir.resolve("fichier").resolve("cites.sld");
        Files.writeString(dir.resolve("fichier"), "pas un dossier");
        DataException e = assertThrows(DataException.class, () -> SldFiles.write(blocked, CITES));
        assertTrue(e.getMessage().contains("cites.sld"), e.getMessage());
        assertEquals(CITES, SldFiles.read(file));
    }
}
