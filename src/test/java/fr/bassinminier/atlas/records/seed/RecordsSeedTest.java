package fr.bassinminier.atlas.records.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.RecordsTestData;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UnescoStatus;
import fr.bassinminier.atlas.records.project.RecordsProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsSeedTest {
    @TempDir
    Path dir;

    @Test
    void theDemoSeedsOneRecordPerCiteOfTheLayerWithItsFacts() throws Exception {
        Path project = RecordsTestData.copyDemo(dir);
        VectorLayer layer = Formats.read(project.resolveSibling("data").resolve("cites.geojson")).layers().get(0);
        Path file = RecordsProject.recordsFile(project);
        assertEquals("bassin-minier.records.sqlite", file.getFileName().toString());
        RecordsSnapshot s;
        long edits;
        try (CiteStore store = RecordsProject.open(project)) {
            s = store.snapshot();
            edits = store.editCount();
            assertEquals(1, edits, "the seed is one edit");
            HistoryEntry first = store.history(HistoryEntry.CITE, "mbm-1").get(0);
            assertEquals(RecordsProject.SEED_USER, first.user());
            assertTrue(first.comment().contains("cites.geojson"), first.comment());
        }
        assertTrue(Files.exists(file));

        // Counts match the layer: one record per feature, each linked to its feature.
        assertEquals(layer.size(), s.cites().size());
        assertEquals(71, s.cites().size());
        Set<String> keys = new HashSet<>();
        int dwellings = 0;
        for (Feature f : layer.features()) {
            keys.add(f.text("id"));
            if (f.get("logements") instanceof Number n) dwellings += n.intValue();
        }
        // Links go to the official cités (keys "U…"/"L…"), never to the report table's own keys.
        for (Cite c : s.cites()) for (FeatureLink l : c.links()) {
            assertEquals("cites", l.layerId());
            assertTrue(l.featureKey().startsWith("U") || l.featureKey().startsWith("L"), l.toString());
            assertFalse(keys.contains(l.featureKey()), l.toString());
        }
        assertEquals(dwellings, s.cites().stream().mapToInt(c -> c.dwellings() == null ? 0 : c.dwellings()).sum());
        assertEquals(27_106, dwellings);

        // Ids: the MBM index when the report gives a unique one, else the layer's key.
        Cite victoire = s.cite("mbm-1").orElseThrow();
        assertEquals("Cité de la Victoire", victoire.name());
        assertEquals("Houdain / Haillicourt", victoire.communesText());
        assertEquals(UnescoStatus.EN_PARTIE, victoire.unesco());
        // Table 1 of the 2016 report is a list, not a programme: none is recorded where the source gives none.
        assertEquals(Set.of(), victoire.programmes());
        assertTrue(s.cite("t1-2").isPresent() && s.cite("t4-2").isPresent(), "n°2 is listed twice in the report");
        assertTrue(s.cite("mbm-a").isPresent(), "cité Schneider, index « a »");
        Cite raismes = s.cite("t1-33").orElseThrow();
        assertEquals(List.of(new Owner("SIA", 219), new Owner("Maisons et Cités", 629), new Owner("Partenord", 2)),
                raismes.owners());
        assertTrue(raismes.note().contains("« SIA 219, M et C 629, Partenord 2 »"), raismes.note());
        assertEquals(Set.of(Programme.PNRU_1), s.cite("t4-33").orElseThrow().programmes());

        // Renovation: only Hauts Prés tranche 1 (programmed) has a state a source gives; "results visible" in
        // four cités (communiqué 2023) is kept as the source's words in their note, not as a delivered count.
        assertEquals(1, s.operations().size());
        assertEquals(1, s.tranches().size());
        assertEquals(0, s.tranches().stream().filter(t -> t.status() == TrancheStatus.LIVREE).count());
        assertTrue(s.cite("mbm-9").orElseThrow().note().contains("déjà visibles"));
        Tranche hautsPres = s.tranches().stream().filter(t -> t.status() == TrancheStatus.PROGRAMMEE).findFirst().orElseThrow();
        assertEquals(89, hautsPres.dwellings());
        assertEquals("erbm-hauts-pres-lallaing", s.operationsById().get(hautsPres.operationId()).citeId());
        assertEquals(7, s.urbanWorks().size());
        assertEquals("23000", s.meta().get("objectif_logements"));

        // Opened again: not seeded twice.
        try (CiteStore store = RecordsProject.open(project)) {
            assertEquals(edits, store.editCount());
            assertEquals(71, store.cites().size());
        }
    }
}
