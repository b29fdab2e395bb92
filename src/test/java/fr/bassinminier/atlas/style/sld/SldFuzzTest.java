package fr.bassinminier.atlas.style.sld;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import java.io.ByteArrayInputStream;

/** Fuzzes the SLD parser on raw bytes (the encoding comes from the XML declaration). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SldFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void sld(byte[] input) throws Exception {
        FuzzCheck.check(() -> SldParser.parse(new ByteArrayInputStream(input), "fuzz.sld"));
    }
}
