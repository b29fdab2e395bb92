package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.apicarto.Parcel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Cadastral parcels as the footprint of the check: their union in Lambert-93, described by
 * their references, with a note per parcel comparing the computed area with the cadastre's
 * contenance (a tax area, which a drawn outline only approaches).
 */
public final class ParcelFootprint {
    private ParcelFootprint() {
    }

    public static Footprint of(List<Parcel> parcels, String source) {
        if (parcels.isEmpty()) throw new IllegalArgumentException(Localization.get("analysis.parcel"));
        List<Geometry> parts = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Parcel p : parcels) {
            parts.add(p.geometry());
            refs.add(p.ref().toString());
            if (p.contenance() > 0) {
                double area = p.geometry().getArea();
                notes.add(String.format(Locale.FRANCE, Localization.get("analysis.parcelComputedAreaCadastral"),
                        p.ref(), p.commune() != null ? " (" + p.commune() + ")" : "", ImpactText.area(area),
                        ImpactText.area(p.contenance()), 100 * (area - p.contenance()) / p.contenance()));
            }
        }
        Geometry union = UnaryUnionOp.union(parts);
        if (!union.isValid()) union = union.buffer(0);
        String communes = String.join(", ", parcels.stream().map(Parcel::commune).filter(c -> c != null).distinct().toList());
        String description = (parcels.size() > 1 ? Localization.text("analysis.cadastralParcels", parcels.size()) : Localization.get("analysis.cadastralParcel"))
                + String.join(", ", refs) + (communes.isEmpty() ? "" : " (" + communes + ")")
                + (source != null ? Localization.text("analysis.according", source) : "");
        return new Footprint(union, description, "EPSG:4326", notes);
    }
}
