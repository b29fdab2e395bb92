package fr.bassinminier.atlas.io.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the project file reader (.atlas.json) and print templates. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProjectFileFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void project(byte[] input) throws Exception {
        var file = FuzzCheck.file("fuzz.atlas.json", input);
        FuzzCheck.check(() -> ProjectFile.read(file));
        FuzzCheck.check(() -> ProjectFile.readPrintTemplates(file));
    }
}
