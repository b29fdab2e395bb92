package fr.bassinminier.atlas.records.contract;

import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.postgres.PgCluster;
import fr.bassinminier.atlas.records.postgres.PostgresCiteStore;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on a PostgreSQL server (a throwaway one; skipped without PostgreSQL). */
class PostgresContractTest extends CiteStoreContract {
    private PgSettings settings;

    @BeforeEach
    void database() throws Exception {
        settings = PgCluster.shared().newDatabase("cites");
    }

    @Override
    protected CiteStore newStore() throws Exception {
        return PostgresCiteStore.open(settings, PgCluster.PASSWORD::toCharArray);
    }

    @Override
    protected CiteStore reopen() throws Exception {
        return PostgresCiteStore.open(settings, PgCluster.PASSWORD::toCharArray);
    }
}
