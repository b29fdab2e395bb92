package fr.bassinminier.atlas.model.project;

import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.Schema;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises the official open data of the mining basin by their fields, so that a file the user
 * adds (the data.gouv.fr zip "UNESCO - L93 2018", a Mission Bassin Minier WFS export) is
 * attributed by itself: Licence Ouverte requires the attribution, and the heritage check ranks
 * official sources first. The fields are those of the Mission Bassin Minier inventory, whatever
 * their case or the 10-character cut of a DBF.
 */
public final class OfficialSets {
    public static final String PRODUCER = "Mission Bassin Minier ; services de l'État";
    public static final String LICENCE = "Licence Ouverte / Etalab 2.0";
    public static final String ATTRIBUTION = "Mission Bassin Minier / data.gouv.fr — Licence Ouverte 2.0";
    public static final String DATASET =
            "Périmètre bien inscrit et zone tampon du Bassin Minier – patrimoine mondial UNESCO";
    public static final String FULL_PRECISION_URL = "https://www.geo2france.fr/geoserver/mission_bassin_minier/ows";

    private OfficialSets() {
    }

    /**
     * The provenance of a layer with this schema: official when its fields are the inventory's,
     * else known only by its file name (the user is then asked for its origin).
     */
    public static Provenance recognise(Schema s, String fileName) {
        Set<String> f = s.fields().stream().map(Field::name).map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        boolean inventory = f.contains("id_unesco") || f.contains("no_element") || f.contains("no element")
                || f.contains("no_terril") || f.contains("id_lsm")
                || (f.contains("fosse") && f.contains("puits") && f.contains("concession"))
                // the buffer zone's terrils and cavaliers carry no inventory id, but its commune fields
                || (f.contains("commune_1") && (f.contains("forme") || f.contains("id_troncon")));
        if (!inventory) return Provenance.ofFile(fileName);
        return new Provenance(PRODUCER, DATASET, LICENCE, FULL_PRECISION_URL, null, "telle que fournie", false,
                fileName);
    }
}
