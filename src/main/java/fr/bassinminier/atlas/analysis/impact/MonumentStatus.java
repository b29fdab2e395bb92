package fr.bassinminier.atlas.analysis.impact;

/** Protection as a historic monument, as the heritage layers record it (inscrit_mh, classe_mh, protection). */
public enum MonumentStatus {
    CLASSE("classe", "monument historique classé"),
    INSCRIT("inscrit", "monument historique inscrit"),
    NON("non", "non protégé au titre des monuments historiques");

    private final String key;
    private final String label;

    MonumentStatus(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean isListed() {
        return this != NON;
    }
}
