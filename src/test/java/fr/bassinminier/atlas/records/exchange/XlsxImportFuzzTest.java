package fr.bassinminier.atlas.records.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import fr.bassinminier.atlas.records.RecordsSnapshot;

/** Fuzzes the XLSX import (zip container, XML parts), then plans it against empty records. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class XlsxImportFuzzTest {
    private static final RecordsSnapshot EMPTY = new RecordsSnapshot(java.util.List.of(), java.util.List.of(),
            java.util.List.of(), java.util.List.of(), java.util.Map.of());

    @FuzzTest(maxDuration = "5s")
    void xlsx(byte[] input) throws Exception {
        FuzzCheck.check(() -> {
            var file = FuzzCheck.file("fuzz.xlsx", input);
            RecordImport.plan(file, RecordImport.read(file), EMPTY);
        });
    }
}
