package fr.bassinminier.atlas.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads through a small block give the file's bytes wherever they fall, across block edges too. */
class BlockReaderTest {
    @Test
    void readsAnywhereAsTheWholeFileSays(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[10_000];
        new Random(7).nextBytes(bytes);
        Path f = Files.write(dir.resolve("f.bin"), bytes);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        Random r = new Random(11);
        try (BlockReader b = new BlockReader(f, bytes.length, 64)) {
            for (int k = 0; k < 5_000; k++) {
                int pos = r.nextInt(bytes.length - 8);
                assertEquals(le.getInt(pos), b.intLE(pos));
                assertEquals(be.getInt(pos), b.intBE(pos));
                assertEquals(Double.doubleToRawLongBits(le.getDouble(pos)), Double.doubleToRawLongBits(b.doubleLE(pos)));
                assertEquals(bytes[pos], b.get(pos));
            }
            byte[] big = new byte[500];   // larger than the block: read straight into the array
            b.get(1234, big, 0, big.length);
            assertArrayEquals(Arrays.copyOfRange(bytes, 1234, 1734), big);
            assertThrows(IndexOutOfBoundsException.class, () -> b.intLE(bytes.length - 2));
        }
    }

    @Test
    void aFileShortenedWhileReadIsAnErrorNotGarbage(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("f.bin"), new byte[1000]);
        try (BlockReader b = new BlockReader(f, 4000, 256)) {   // the size seen at opening
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> b.intLE(2000));
            assertTrue(e.getCause().getMessage().contains("fin de fichier inattendue"), e.getCause().getMessage());
        }
    }
}
