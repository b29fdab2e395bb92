package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.analysis.CiteRecord;
import fr.bassinminier.atlas.model.Feature;
import java.util.List;

/**
 * The answer to "does this project touch the World Heritage property?": immutable, every measure
 * planar in Lambert-93 (metres, square metres). {@link ImpactText} words it in French,
 * {@link ImpactJson} gives it with stable keys.
 *
 * @param footprint   what was checked
 * @param radius      the radius used for {@link #elements}
 * @param property    the footprint against the inscribed property
 * @param buffer      the footprint against the buffer zone
 * @param elements    heritage elements within the radius, nearest first (inside = distance 0)
 * @param nearest     the nearest element of each kind (buildings by typologie), whatever its distance
 * @param monuments   listed historic monuments (inscrits or classés) within 500 m, whatever the radius
 * @param cites       the cités among {@link #elements}, with their renovation state when the data give it
 * @param terrils     the terrils among {@link #elements}
 * @param sources     the layers the answer rests on
 * @param indicative  whether any of them is indicative (demo) data rather than official perimeters
 * @param warnings    French warnings to show with the answer (indicative data, missing layers…)
 * @param outOfScope  French statements of what the check does not do
 * @param dataNotes   French technical notes on the data (repaired geometries, ignored layers)
 * @param nanos       time the check took, excluding loading and indexing
 */
public record ImpactReport(Footprint footprint, double radius, ZoneResult property, ZoneResult buffer,
                           List<ElementHit> elements, List<ElementHit> nearest, List<ElementHit> monuments,
                           List<CiteStatus> cites, List<ElementHit> terrils, List<HeritageSource> sources,
                           boolean indicative, List<String> warnings, List<String> outOfScope,
                           List<String> dataNotes, long nanos) {
    public ImpactReport {
        elements = List.copyOf(elements);
        nearest = List.copyOf(nearest);
        monuments = List.copyOf(monuments);
        cites = List.copyOf(cites);
        terrils = List.copyOf(terrils);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        outOfScope = List.copyOf(outOfScope);
        dataNotes = List.copyOf(dataNotes);
    }

    /** Where the footprint stands, in one word. */
    public enum Situation {
        BIEN("bien"), BIEN_ET_ZONE_TAMPON("bien_et_zone_tampon"), ZONE_TAMPON("zone_tampon"), HORS("hors_perimetres");

        private final String key;

        Situation(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Situation situation() {
        // The buffer zone excludes the property by definition: where simplified copies overlap by a
        // few metres, a point (or a footprint wholly) in the property is in the property only.
        boolean wholly = footprint.geometry().getDimension() == 0 || property.share() >= 0.999;
        if (property.intersects()) {
            return buffer.intersects() && !wholly ? Situation.BIEN_ET_ZONE_TAMPON : Situation.BIEN;
        }
        return buffer.intersects() ? Situation.ZONE_TAMPON : Situation.HORS;
    }

    /**
     * The footprint against a perimeter (the property or the buffer zone).
     *
     * @param available     whether a layer of this perimeter was found; when false the other fields mean nothing
     * @param intersects    whether the footprint touches it (shares at least a point)
     * @param overlapArea   area of the footprint inside it, m² (0 for points and lines)
     * @param overlapLength length of the footprint's lines inside it, m (0 for points and polygons)
     * @param share         part of the footprint's area inside it (0–1); NaN when the footprint has no area
     * @param distance      distance from the footprint to it, m (0 when touching); NaN when unavailable
     * @param components    the parts touched (property components with their element number)
     * @param nearest       the nearest part when not touched; null otherwise
     * @param nearby        parts within the radius (touched ones first, distance 0), nearest first
     */
    public record ZoneResult(boolean available, boolean intersects, double overlapArea, double overlapLength,
                             double share, double distance, List<ComponentHit> components, ComponentHit nearest,
                             List<ComponentHit> nearby) {
        public ZoneResult {
            components = List.copyOf(components);
            nearby = List.copyOf(nearby);
        }
    }

    /**
     * A component of the property (or a polygon of the buffer zone).
     *
     * @param number        the element number (no_element), null for the buffer zone
     * @param name          the element's name
     * @param section       the section: the mining company ("Compagnie des mines de Béthune")
     * @param sectionNumber the section number (no_section)
     * @param overlapArea   m² of the footprint inside it
     * @param overlapLength m of the footprint's lines inside it
     * @param distance      m from the footprint (0 when touched)
     */
    public record ComponentHit(String number, String name, String section, String sectionNumber,
                               double overlapArea, double overlapLength, double distance, String layerId,
                               String layerTitle, Feature feature) {
    }

    /**
     * A heritage element near the footprint.
     *
     * @param role        its kind
     * @param category    its sub-kind: a building's typologie, a cité's type, a terril's forme
     * @param id          its identifier: UNESCO object id ("38A"), terril number ("T115")…
     * @param name        its name or denomination
     * @param commune     its (first) commune
     * @param perimeter   "bien" when it belongs to the property (has a UNESCO id), "zone_tampon" when its
     *                    layer is one of the buffer zone's, null when unknown
     * @param distance    m from the footprint (0 when touching or inside)
     * @param overlapArea m² of the footprint on it (polygons only)
     * @param monument    historic-monument status when the layer records it, else null
     * @param protection  the layer's own wording of the protection ("Situé en abords MH"), when any
     * @param layerId     the id of its project layer
     * @param feature     the feature, to highlight it on a map
     */
    public record ElementHit(HeritageRole role, String category, String id, String name, String commune,
                             String perimeter, double distance, double overlapArea, MonumentStatus monument,
                             String protection, String layerId, String layerTitle, Feature feature) {
    }

    /**
     * A cité near the footprint and its renovation state.
     *
     * @param renovationRecorded whether the cité's layer has a renovation field (statut_renovation);
     *                           when false the state is unknown, not "none"
     */
    public record CiteStatus(ElementHit element, CiteRecord record, boolean renovationRecorded) {
    }
}
