package fr.bassinminier.atlas.io.geojson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the GeoJSON reader through a file, as a user opens one. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GeoJsonFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void geojson(byte[] input) throws Exception {
        FuzzCheck.check(() -> new GeoJsonReader().read(FuzzCheck.file("fuzz.geojson", input)));
    }
}
