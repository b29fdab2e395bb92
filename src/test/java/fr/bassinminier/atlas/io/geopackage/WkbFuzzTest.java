package fr.bassinminier.atlas.io.geopackage;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import fr.bassinminier.atlas.model.PackedGeometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fuzzes GeoPackage geometry blobs (header + WKB) through both decoders: the JTS one used by
 * loading and identify, and the packed one used by the streaming renderer, which may decline a
 * blob (false) but must not throw.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WkbFuzzTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @FuzzTest(maxDuration = "5s")
    void geopackageBlob(byte[] input) throws Exception {
        FuzzCheck.check(() -> GeoPackageBinary.decode(input, GF));
        FuzzCheck.check(() -> {
            GeoPackageBinary.Header h = GeoPackageBinary.header(input);
            WkbPacker.pack(input, h.wkbOffset(), new PackedGeometry());
        });
    }
}
