package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;

/**
 * What a layer is to the heritage check: the inscribed property, its buffer zone, or one kind of
 * heritage element. The key is the stable name used in the JSON output.
 */
public enum HeritageRole {
    PROPERTY("bien"),
    BUFFER("zone_tampon"),
    BUILDING("bati"),
    CITE("cite"),
    TERRIL("terril"),
    CAVALIER("cavalier"),
    NEO_NATURAL("espace_neonaturel"),
    SHAFT("puits");

    private final String key;

    HeritageRole(String key) {
        this.key = key;
    }

    /** Stable key of the JSON output ("bien", "cite", "terril"…). */
    public String key() {
        return key;
    }

    /** Name of a layer of this role in the UI language ("Cités minières"). */
    public String layerLabel() {
        return Localization.get("heritageRole.layer." + key);
    }

    /** Name of one element of this role in the UI language ("Cité minière"). */
    public String elementLabel() {
        return Localization.get("heritageRole.element." + key);
    }

    /** Whether this role holds individual heritage elements (not a perimeter). */
    public boolean isElement() {
        return this != PROPERTY && this != BUFFER;
    }
}
