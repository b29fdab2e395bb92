package fr.bassinminier.atlas.io.wmts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import java.io.ByteArrayInputStream;

/** Fuzzes the WMTS capabilities reader. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WmtsCapabilitiesFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void capabilities(byte[] input) throws Exception {
        FuzzCheck.check(() -> WmtsCapabilities.read(new ByteArrayInputStream(input), "fuzz.xml"));
    }
}
