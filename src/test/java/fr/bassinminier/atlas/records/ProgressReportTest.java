package fr.bassinminier.atlas.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.bassinminier.atlas.records.ProgressReport.Group;
import fr.bassinminier.atlas.records.project.RecordsProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressReportTest {
    @TempDir
    Path dir;

    private static Group group(List<Group> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void statsOfTheDemo() throws Exception {
        ProgressReport r;
        try (CiteStore store = RecordsProject.open(RecordsTestData.copyDemo(dir))) {
            r = ProgressReport.of(store.snapshot());
        }
        assertEquals(23_000, r.target());
        assertEquals(71, r.cites());
        ProgressReport.Figures t = r.total();
        assertEquals(27_106, t.dwellings());
        // No source says a whole cité is delivered ("results visible" is not a count).
        assertEquals(0, t.delivered());
        assertEquals(0, t.inWorks());
        assertEquals(89, t.programmed());
        assertEquals(27_106 - 89, t.toDo());
        assertEquals(7000, r.reported().delivered());
        assertEquals("2022-12", r.reported().asOf());

        Group call = group(r.byEpci(), "CALL");
        assertEquals(24, call.cites(), "23 of the report and the cité du Parc");
        assertEquals(call.figures().dwellings(), call.figures().toDo());
        assertEquals(89, group(r.byEpci(), "CCCO").figures().programmed());
        // Breakdowns add up to the totals, by EPCI and by owner.
        for (List<Group> gs : List.of(r.byEpci(), r.byOwner())) {
            assertEquals(t.dwellings(), gs.stream().mapToInt(g -> g.figures().dwellings()).sum());
            assertEquals(t.toDo(), gs.stream().mapToInt(g -> g.figures().toDo()).sum());
            assertEquals(t.programmed(), gs.stream().mapToInt(g -> g.figures().programmed()).sum());
        }
        // The report's shares exceed the cité in Raismes (850 for 845) and Anzin (120 for 117): one row says so.
        assertEquals(-8, group(r.byOwner(), ProgressReport.EXCESS).figures().dwellings());
        assertTrue(r.warnings().contains("Cité « t1-33 » (Cité du Pinson - cité Sabatier - cité beau chêne ancienne) : "
                + "les parts des propriétaires font 850 logements pour 845 dans la cité."), r.warnings().toString());
    }

    @Test
    void groupsCountOnlyWhatIsEngagedAndStudiesStayToDo() {
        Cite a = new Cite("a", null, "A", List.of(), "CAHC", List.of(new Owner("SIA", 60), new Owner("Maisons et Cités", 40)),
                100, null, Set.of(), null, List.of(), null, null);
        Operation op = new Operation(1, "a", "Op", Programme.ERBM, "SIA");
        List<Tranche> ts = List.of(
                new Tranche(1, 1, 1, 30, TrancheStatus.LIVREE, null, null, null, null, null, null),
                new Tranche(2, 1, 2, 20, TrancheStatus.TRAVAUX_EN_COURS, null, null, null, null, null, null),
                new Tranche(3, 1, 3, 10, TrancheStatus.A_L_ETUDE, null, null, null, null, null, null));
        ProgressReport r = ProgressReport.of(new RecordsSnapshot(List.of(a), List.of(op), ts, List.of(),
                Map.of(ProgressReport.META_TARGET, "1000")));
        assertEquals(new ProgressReport.Figures(100, 30, 20, 0, 50), r.total());
        assertEquals(new ProgressReport.Figures(100, 30, 20, 0, 50), group(r.byEpci(), "CAHC").figures());
        assertEquals(new ProgressReport.Figures(60, 30, 20, 0, 10), group(r.byOwner(), "SIA").figures());
        assertEquals(new ProgressReport.Figures(40, 0, 0, 0, 40), group(r.byOwner(), "Maisons et Cités").figures());
        assertTrue(r.warnings().isEmpty());
    }
}
