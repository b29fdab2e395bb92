package fr.bassinminier.atlas.records.postgres;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;

/**
 * Child process of {@link PgCrashTest}: saves edits of a cité and a tranche in one transaction,
 * pausing inside it so that a kill lands mid-transaction most of the time. Prints "BEGIN n"
 * when a transaction starts and "ACK changeSet cite value" once {@code edit} has returned.
 */
public final class PgCrashWriter {
    public static void main(String[] args) throws Exception {
        PgSettings db = new PgSettings("127.0.0.1", Integer.parseInt(args[0]), args[1], "cites", PgCluster.SUPERUSER,
                "disable");
        String run = args[2];
        try (PostgresCiteStore s = PostgresCiteStore.open(db, PgCluster.PASSWORD::toCharArray)) {
            for (int n = 0; ; n++) {
                String id = "c-" + (n % 3);
                String value = "r" + run + "-" + n;
                System.out.println("BEGIN " + n);
                System.out.flush();
                long cs = s.edit("rédacteur " + run, null, tx -> {
                    Cite c = tx.cite(id).orElseThrow();
                    tx.saveCite(c.with(Cite.NOTE, value));
                    Operation op = tx.operations(id).get(0);
                    Tranche t = tx.tranches(op.id()).get(0);
                    try {
                        Thread.sleep(15);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    tx.saveTranche(t.with(Tranche.SOURCE, value));
                });
                System.out.println("ACK " + cs + " " + id + " " + value);
                System.out.flush();
            }
        }
    }

    static void seed(PostgresCiteStore s) throws Exception {
        s.edit("amorçage", null, tx -> {
            for (int i = 0; i < 3; i++) {
                String id = "c-" + i;
                tx.saveCite(new Cite(id, null, "Cité " + i, null, null, null, null, null, null, null, null, null, null));
                Operation op = tx.saveOperation(new Operation(0, id, "Réhabilitation", null, null));
                tx.saveTranche(new Tranche(0, op.id(), 1, 10, TrancheStatus.PROGRAMMEE, null, null, null, null, null, null));
            }
        });
    }

    private PgCrashWriter() {
    }
}
