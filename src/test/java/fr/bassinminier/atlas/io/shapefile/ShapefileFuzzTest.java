package fr.bassinminier.atlas.io.shapefile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzzes the shapefile reader on a set of three parts held in memory. Input layout: two
 * big-endian ints (lengths of .shp and .shx, taken modulo what is left), then .shp, .shx, .dbf.
 * Seeds: ShapefileFuzzTestInputs/ (small valid sets and regression inputs).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ShapefileFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void shapefile(byte[] input) throws Exception {
        MemorySet set = MemorySet.of(input);
        FuzzCheck.check(() -> new ShapefileReader().readLayer(set, w -> { }));
    }

    /** A shapefile set in memory, as an archive entry would be (sizes unknown). */
    record MemorySet(byte[] shp, byte[] shx, byte[] dbf) implements ShapefileSource {
        static MemorySet of(byte[] in) {
            if (in.length < 8) return new MemorySet(in, new byte[0], new byte[0]);
            ByteBuffer b = ByteBuffer.wrap(in);
            int rest = in.length - 8;
            int shp = Math.floorMod(b.getInt(0), rest + 1);
            int shx = Math.floorMod(b.getInt(4), rest - shp + 1);
            return new MemorySet(Arrays.copyOfRange(in, 8, 8 + shp), Arrays.copyOfRange(in, 8 + shp, 8 + shp + shx),
                    Arrays.copyOfRange(in, 8 + shp + shx, in.length));
        }

        @Override
        public String baseName() {
            return "fuzz";
        }

        @Override
        public Path location() {
            return Path.of("fuzz.shp");
        }

        @Override
        public String partName(String extension) {
            return "fuzz." + extension;
        }

        @Override
        public boolean has(String extension) {
            return part(extension) != null;
        }

        @Override
        public long size(String extension) {
            return -1;
        }

        @Override
        public InputStream open(String extension) {
            return new ByteArrayInputStream(part(extension));
        }

        private byte[] part(String e) {
            return switch (e) {
                case "shp" -> shp;
                case "shx" -> shx.length == 0 ? null : shx;
                case "dbf" -> dbf;
                default -> null;
            };
        }
    }
}
