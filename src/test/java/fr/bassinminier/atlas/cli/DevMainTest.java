package fr.bassinminier.atlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark and the data generator are developers' tools: not in the product, in the dev entry point. */
class DevMainTest {
    private static String help(List<Object> extra) {
        StringWriter out = new StringWriter();
        assertEquals(0, AtlasCommand.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()),
                extra));
        return out.toString();
    }

    @Test
    void theProductCommandLineHasNoBenchOrGenerator() {
        String product = help(List.of());
        assertTrue(product.contains("render"), product);
        assertFalse(product.lines().anyMatch(l -> l.strip().startsWith("bench ") || l.strip().startsWith("generate ")),
                product);
        assertEquals(2, AtlasCommand.run(new String[] {"generate", "footprints"}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        // Their classes are compiled from src/test, so the product jar cannot hold them.
        assertTrue(DevMain.class.getResource("BenchCommand.class").toString().contains("test-classes"));
        assertTrue(DevMain.class.getResource("GenerateCommand.class").toString().contains("test-classes"));
    }

    @Test
    void theDevEntryPointAddsThem() {
        String dev = help(DevMain.commands());
        assertTrue(dev.lines().anyMatch(l -> l.strip().startsWith("bench ")), dev);
        assertTrue(dev.lines().anyMatch(l -> l.strip().startsWith("generate ")), dev);
    }
}
