package fr.bassinminier.atlas.records.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.TrancheStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records of the default map link to the official cités, and say no more than their sources. */
class OfficialCitesSeedTest {
    private static final Path DATA = RecordsTestData.repo().resolve("maps/data");

    @Test
    void reportRowsLinkToOfficialCitesByNameAndCommune() throws Exception {
        RecordsSeed.Content c = RecordsSeed.read(DATA.resolve(RecordsSeed.FILE));
        VectorLayer official = Formats.read(DATA.resolve("bassin-minier-officiel.gpkg")).layer("cites").orElseThrow();
        Map<String, Feature> byKey = new HashMap<>();
        for (Feature f : official.features()) byKey.put(f.text("cle"), f);
        int linked = 0;
        for (Cite cite : c.cites()) {
            if (!cite.links().isEmpty()) linked++;
            for (FeatureLink l : cite.links()) {
                assertEquals("cites", l.layerId());
                Feature f = byKey.get(l.featureKey());
                assertNotNull(f, cite.id() + " → " + l);
            }
        }
        assertEquals(71, c.cites().size());
        assertTrue(linked >= 55, linked + " liées");
        assertEquals(c.cites().size() - linked, c.unmatched().size(), c.unmatched().toString());
        // Two parts of one cité (property and buffer zone) are both linked.
        Cite genettes = c.cites().stream().filter(x -> x.name().equals("Cité des Genettes")).findFirst().orElseThrow();
        assertEquals(2, genettes.links().size(), genettes.links().toString());
        for (FeatureLink l : genettes.links()) assertTrue(byKey.get(l.featureKey()).text("nom").contains("Genettes"));
    }

    @Test
    void figuresSayWhatTheSourcesSayAndNoMore() throws Exception {
        RecordsSeed.Content c = RecordsSeed.read(DATA.resolve(RecordsSeed.FILE));
        // The 2016 report's tables 1–3 are lists, not programmes.
        for (Cite cite : c.cites()) {
            String d = cite.programmeDetail() == null ? "" : cite.programmeDetail();
            assertFalse(d.contains("prioritaire") || d.contains("Enjeux sociaux") || d.contains("Signalée"), cite.id());
        }
        // "Results visible" is not "delivered": no source says a whole cité is delivered.
        for (RecordsSeed.PlannedOperation op : c.operations()) {
            op.tranches().forEach(t -> assertFalse(t.status() == TrancheStatus.LIVREE, op.operation().citeId()));
        }
        assertTrue(c.cites().stream().anyMatch(x -> x.programmes().contains(Programme.ERBM)));
        assertEquals("7000", c.meta().get(fr.bassinminier.atlas.records.ProgressReport.META_REPORTED));
        List<String> unmatched = c.unmatched();
        assertTrue(unmatched.stream().allMatch(u -> u.contains("«")), unmatched.toString());
    }
}
