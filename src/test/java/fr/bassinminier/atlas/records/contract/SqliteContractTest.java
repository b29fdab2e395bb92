package fr.bassinminier.atlas.records.contract;

import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file. */
class SqliteContractTest extends CiteStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CiteStore newStore() throws Exception {
        return SqliteCiteStore.open(dir.resolve("c.records.sqlite"));
    }

    @Override
    protected CiteStore reopen() throws Exception {
        return SqliteCiteStore.open(dir.resolve("c.records.sqlite"));
    }
}
