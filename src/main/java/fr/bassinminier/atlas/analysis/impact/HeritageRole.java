package fr.bassinminier.atlas.analysis.impact;

/**
 * What a layer is to the heritage check: the inscribed property, its buffer zone, or one kind of
 * heritage element. The key is the stable name used in the JSON output.
 */
public enum HeritageRole {
    PROPERTY("bien", "Bien inscrit", "Élément du bien"),
    BUFFER("zone_tampon", "Zone tampon", "Zone tampon"),
    BUILDING("bati", "Bâti", "Bâti"),
    CITE("cite", "Cités minières", "Cité minière"),
    TERRIL("terril", "Terrils", "Terril"),
    CAVALIER("cavalier", "Cavaliers", "Cavalier"),
    NEO_NATURAL("espace_neonaturel", "Espaces néo-naturels", "Espace néo-naturel"),
    SHAFT("puits", "Puits de mine", "Puits de mine");

    private final String key;
    private final String layerLabel;
    private final String elementLabel;

    HeritageRole(String key, String layerLabel, String elementLabel) {
        this.key = key;
        this.layerLabel = layerLabel;
        this.elementLabel = elementLabel;
    }

    /** Stable key of the JSON output ("bien", "cite", "terril"…). */
    public String key() {
        return key;
    }

    /** French name of a layer of this role ("Cités minières"). */
    public String layerLabel() {
        return layerLabel;
    }

    /** French name of one element of this role ("Cité minière"). */
    public String elementLabel() {
        return elementLabel;
    }

    /** Whether this role holds individual heritage elements (not a perimeter). */
    public boolean isElement() {
        return this != PROPERTY && this != BUFFER;
    }
}
