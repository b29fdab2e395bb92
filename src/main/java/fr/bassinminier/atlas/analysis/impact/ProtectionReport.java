package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What the online services said about the footprint, beside the UNESCO answer (which it never
 * changes): one section per protection asked — AC1, AC2, AC4 easements, PLU zoning — each either
 * consulted (with what it found, its source and date) or not consulted (with the reason).
 */
public record ProtectionReport(List<Section> sections) {
    public ProtectionReport {
        sections = List.copyOf(sections);
    }

    /** The protections asked, in report order. */
    public enum Kind {
        AC1("ac1"),
        AC2("ac2"),
        AC4("ac4"),
        PLU("plu");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public String title() {
            return Localization.label(this);
        }
    }

    /**
     * @param kind      which protection
     * @param consulted whether the service answered (live or from the cache)
     * @param reason    why it was not consulted (French), null when consulted
     * @param hits      what the footprint touches, largest overlap first
     * @param source    the service and layer asked ("Géoplateforme (IGN), WFS wfs_sup:assiette_sup_s")
     * @param date      the answer's date (ISO, yyyy-MM-dd), null when not consulted
     * @param fromCache whether the answer came from the cache (the service was not reachable, or offline)
     */
    public record Section(Kind kind, boolean consulted, String reason, List<Hit> hits, String source, String date,
                          boolean fromCache) {
        public Section {
            hits = List.copyOf(hits);
        }

        public static Section notConsulted(Kind kind, String source, String reason) {
            return new Section(kind, false, reason, List.of(), source, null, false);
        }
    }

    /**
     * A protection the footprint touches.
     *
     * @param label       short label: the easement's type ("Périmètre des abords"), the zone's code ("UA")
     * @param name        its name: the monument, the site, the zone's long label
     * @param act         the act or document: decree, plan identifier ("62498_PLU_20190212")
     * @param date        its date as given (approval, source date), may be null
     * @param overlapArea m² of the footprint inside it (0 for a point or a line)
     * @param share       part of the footprint's area inside it (0–1), NaN for a point or a line
     * @param url         a link to the act or the regulation, may be null
     * @param geometry    the protection's area as served (Lambert-93), for the report's map; null when not known
     */
    public record Hit(String label, String name, String act, String date, double overlapArea, double share, String url,
                      Geometry geometry) {
        public Hit(String label, String name, String act, String date, double overlapArea, double share, String url) {
            this(label, name, act, date, overlapArea, share, url, null);
        }
    }

    public boolean allConsulted() {
        return sections.stream().allMatch(Section::consulted);
    }

    public List<Section> notConsulted() {
        return sections.stream().filter(s -> !s.consulted()).toList();
    }
}
