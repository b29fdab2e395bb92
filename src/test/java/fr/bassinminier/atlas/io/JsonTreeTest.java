package fr.bassinminier.atlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree read without an ObjectMapper is the ObjectMapper's, node types included. */
class JsonTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sameTreeAsObjectMapperOnAwkwardDocuments() throws Exception {
        for (String doc : List.of("{}", "[]", "null", "3", "\"é\"",
                "{\"a\":1,\"a\":2,\"b\":[1,2147483648,12345678901234567890123,-0.0,1e308,true,false,null]}",
                "{\"x\":{\"y\":[[],{}],\"z\":\"\\u00e9\\n\"},\"n\":-7}", "  {\"a\":[1.5, 2]}  ")) {
            assertEquals(MAPPER.readTree(doc), JsonTree.parse(doc), doc);
        }
    }

    @Test
    void sameTreeAsObjectMapperOnTheProjectsShipped() throws Exception {
        List<Path> projects;
        try (Stream<Path> s = Files.walk(Path.of("maps"))) {
            projects = s.filter(p -> p.toString().endsWith(".atlas.json")).toList();
        }
        assertTrue(!projects.isEmpty());
        for (Path p : projects) assertEquals(MAPPER.readTree(p.toFile()), JsonTree.read(p), p.toString());
    }

    @Test
    void emptyFileIsMissingAndBadJsonFailsWithItsLine(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("e.json"), "");
        assertTrue(JsonTree.read(empty).isMissingNode());
        Path bad = Files.writeString(dir.resolve("b.json"), "{\n \"a\": [1,\n 2\n");
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JsonTree.read(bad));
        assertTrue(e.getLocation().getLineNr() >= 3, e.getMessage());
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(com.fasterxml.jackson.core.exc.StreamConstraintsException.class, () -> JsonTree.parse(deep));
    }
}
