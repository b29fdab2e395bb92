package fr.bassinminier.atlas.records.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.Commune;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.ProgressReport;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.Versioned;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5,000 cités (each with an operation of two tranches) in an SQLite file and on a PostgreSQL
 * server: prints edits per second (one user saving a cité and a tranche per edit, as the editor
 * does) and the time to read what the progress window shows (snapshot + figures). Asserts only
 * that both stores hold the same, never a time: the build machine is shared. Figures are also
 * written to target/records-benchmark.txt. Without PostgreSQL, only the SQLite figures.
 */
class RecordsStoreBenchmarkTest {
    private static final int CITES = 5_000;
    private static final int EDITS = 300;

    @TempDir
    Path dir;

    @Test
    void fiveThousandRecordsOnBothStores() throws Exception {
        List<String> lines = new ArrayList<>();
        RecordsSnapshot a;
        try (CiteStore s = SqliteCiteStore.open(dir.resolve("bench.records.sqlite"))) {
            a = run("SQLite", s, lines);
        }
        PgCluster cluster;
        try {
            cluster = PgCluster.shared();
        } catch (org.opentest4j.TestAbortedException e) {
            lines.add("PostgreSQL : non mesuré (" + e.getMessage() + ")");
            report(lines);
            return;
        }
        try (CiteStore s = PostgresCiteStore.open(cluster.newDatabase("bench"), PgCluster.PASSWORD::toCharArray)) {
            RecordsSnapshot b = run("PostgreSQL", s, lines);
            assertEquals(a.cites(), b.cites());
            assertEquals(a.tranches().size(), b.tranches().size());
        }
        report(lines);
    }

    private static void report(List<String> lines) throws Exception {
        lines.forEach(System.out::println);
        Path out = Path.of("target", "records-benchmark.txt");
        if (Files.isDirectory(out.getParent())) Files.write(out, lines);
    }

    private static RecordsSnapshot run(String name, CiteStore s, List<String> lines) throws Exception {
        Random r = new Random(7);
        long t0 = System.nanoTime();
        for (int from = 0; from < CITES; from += 500) {
            int start = from;
            s.edit("chargement", null, tx -> {
                for (int i = start; i < start + 500; i++) {
                    String id = "b-" + i;
                    tx.saveCite(new Cite(id, Integer.toString(i), "Cité " + i, List.of(Commune.named("Commune " + (i % 250))),
                            "EPCI " + (i % 12), List.of(new Owner("Bailleur " + (i % 7), 40 + i % 300)), 40 + i % 300,
                            null, Set.of(Programme.ERBM), null, null, null, "banc d'essai"));
                    Operation op = tx.saveOperation(new Operation(0, id, "Réhabilitation", Programme.ERBM, null));
                    for (int n = 1; n <= 2; n++) {
                        tx.saveTranche(new Tranche(0, op.id(), n, 20 + i % 150, TrancheStatus.values()[(i + n) % 4], null,
                                null, null, null, null, null));
                    }
                }
            });
        }
        double loadS = (System.nanoTime() - t0) / 1e9;

        RecordsSnapshot snap = s.snapshot();
        long t1 = System.nanoTime();
        for (int e = 0; e < EDITS; e++) {
            String id = "b-" + r.nextInt(CITES);
            String note = "note " + e;
            Versioned<Cite> base = s.versionedCite(id).orElseThrow();
            long opId = snap.operations().stream().filter(o -> o.citeId().equals(id)).findFirst().orElseThrow().id();
            s.edit("banc", null, tx -> {
                tx.saveCite(base, base.value().with(Cite.NOTE, note));
                Tranche t = tx.tranches(opId).get(0);
                tx.saveTranche(t.with(Tranche.SOURCE, note));
            });
        }
        double editsPerS = EDITS / ((System.nanoTime() - t1) / 1e9);

        double[] open = new double[5];
        RecordsSnapshot last = null;
        for (int i = 0; i < open.length; i++) {
            long t2 = System.nanoTime();
            last = s.snapshot();
            ProgressReport.of(last);
            open[i] = (System.nanoTime() - t2) / 1e6;
        }
        double first = open[0];
        Arrays.sort(open);
        lines.add(String.format(Locale.ROOT, "%-10s : %d cités chargées en %.1f s ; %.0f modifications/s "
                        + "(cité + tranche, lecture versionnée comprise) ; fenêtre d'avancement : %.0f ms (1re), "
                        + "%.0f ms (médiane de 5)", name, CITES, loadS, editsPerS, first, open[2]));
        return last;
    }
}
