package fr.bassinminier.atlas.analysis.impact;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The protections that only online services know (easements, zoning), consulted for a
 * footprint. Behind an interface so that the check itself stays free of network code, and so
 * that offline the answer still says, section by section, what was not consulted.
 */
public interface OnlineProtections {
    /**
     * Never throws for a service failure: a section the service could not give is "not consulted"
     * with the reason.
     *
     * @param footprint the footprint in Lambert-93
     */
    ProtectionReport consult(Geometry footprint);

    /** Every protection "not consulted" for the same reason (offline mode, no network). */
    static OnlineProtections none(String reason) {
        return footprint -> {
            List<ProtectionReport.Section> s = new ArrayList<>();
            for (ProtectionReport.Kind k : ProtectionReport.Kind.values()) {
                s.add(ProtectionReport.Section.notConsulted(k, null, reason));
            }
            return new ProtectionReport(s);
        };
    }
}
