package fr.bassinminier.atlas.io.shapefile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Envelope;

/**
 * Fuzzes the streaming shapefile reader (mapped files, record boxes, packed coordinates, .dbf
 * records on demand), input laid out as for {@link ShapefileFuzzTest} (same seeds): it either
 * declines (null: the whole read takes over), or scans; a broken record may only surface as the
 * program's StreamedReadException.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ShapefileStreamFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void shapefile(byte[] input) throws Exception {
        ShapefileFuzzTest.MemorySet set = ShapefileFuzzTest.MemorySet.of(input);
        Path shp = FuzzCheck.file("f.shp", set.shp());
        Files.write(shp.resolveSibling("f.shx"), set.shx());
        Files.write(shp.resolveSibling("f.dbf"), set.dbf());
        FuzzCheck.check(() -> {
            ShapefileStream s = ShapefileStream.open(shp, w -> { });
            if (s == null) return;
            s.schema();
            Envelope all = s.bounds();
            s.scan(all, c -> {
                c.packed();
                c.geometry();
                c.attributes();
            });
            if (!all.isNull()) {
                Envelope quarter = new Envelope(all.getMinX(), all.centre().x, all.getMinY(), all.centre().y);
                s.scan(quarter, c -> c.packed());
            }
        });
    }
}
