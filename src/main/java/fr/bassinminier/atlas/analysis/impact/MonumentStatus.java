package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;

/** Protection as a historic monument, as the heritage layers record it (inscrit_mh, classe_mh, protection). */
public enum MonumentStatus {
    CLASSE("classe"),
    INSCRIT("inscrit"),
    NON("non");

    private final String key;

    MonumentStatus(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** In the UI language: "monument historique classé". */
    public String label() {
        return Localization.label(this);
    }

    public boolean isListed() {
        return this != NON;
    }
}
