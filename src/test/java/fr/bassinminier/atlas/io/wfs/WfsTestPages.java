package fr.bassinminier.atlas.io.wfs;

/** Synthetic GeoJSON pages, for tests of other packages. */
public final class WfsTestPages {
    private WfsTestPages() {
    }

    public static String jsonPage(int first, int last, Integer matched) {
        return WfsClientTest.jsonPage(first, last, matched);
    }
}
