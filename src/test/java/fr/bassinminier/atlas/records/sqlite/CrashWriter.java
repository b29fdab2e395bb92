package fr.bassinminier.atlas.records.sqlite;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link CrashTest}: opens (creating at the first run) the records file and
 * edits it as fast as it can until killed. Each edit changes a cité and adds a works record in
 * one transaction; its id is printed only after the commit returned, so every printed id is an
 * edit the store acknowledged as saved.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String run = args[1];
        try (SqliteCiteStore s = SqliteCiteStore.open(file)) {
            s.edit("crash", "préparation", tx -> {
                if (tx.cite("crash").isEmpty()) {
                    tx.saveCite(new Cite("crash", null, "Cité du Crash", List.of(), null, List.of(), 100, null, null,
                            null, List.of(), null, null));
                }
            });
            for (int i = 0; ; i++) {
                String edit = "r" + run + "-e" + i;
                s.edit("crash", edit, tx -> {
                    tx.saveCite(tx.cite("crash").orElseThrow().with(Cite.NOTE, edit));
                    tx.saveUrbanWork(new UrbanWork(0, "crash", edit, UrbanWorkStatus.PROGRAMMEE, null, null, null, null));
                });
                System.out.println("ACK " + edit);
                System.out.flush();
            }
        }
    }
}
