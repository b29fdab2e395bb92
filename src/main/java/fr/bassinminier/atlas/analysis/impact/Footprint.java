package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The project's footprint as checked: a point, line or polygon (or several) in Lambert-93.
 *
 * @param geometry    the footprint in EPSG:2154, valid (repaired when it was not)
 * @param description French wording of what was given ("point saisi en WGS 84 (DMS)", "fichier emprise.shp")
 * @param inputCrs    the CRS the user gave it in ("EPSG:4326"), as detected or declared
 * @param notes       French remarks on how it was read (repairs, assumed axis order…), to show with the answer
 */
public record Footprint(Geometry geometry, String description, String inputCrs, List<String> notes) {
    public Footprint {
        if (geometry == null || geometry.isEmpty()) throw new IllegalArgumentException(Localization.get("analysis.emptyFootprint"));
        notes = List.copyOf(notes);
    }

    public Footprint(Geometry geometry, String description, String inputCrs) {
        this(geometry, description, inputCrs, List.of());
    }
}
