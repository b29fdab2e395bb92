package fr.bassinminier.atlas.io.apicarto;

import fr.bassinminier.atlas.testsupport.ReplayServer.Reply;
import java.util.Map;

/** The replayed API Carto, for tests of other packages. */
public final class CadastreClientTestSupport {
    private CadastreClientTestSupport() {
    }

    public static Reply apiCarto(Map<String, String> p) {
        return CadastreClientTest.apiCarto(p);
    }
}
