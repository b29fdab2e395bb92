package fr.bassinminier.atlas.analysis.protections;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.ServiceException.Problem;
import fr.bassinminier.atlas.io.apicarto.Parcel;
import fr.bassinminier.atlas.io.apicarto.ParcelRef;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsQuery;
import fr.bassinminier.atlas.model.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * Parcels by reference from the Géoplateforme WFS (PCI vecteur, the layer API Carto itself
 * reads), for when API Carto is down or a WFS is preferred: one equality filter on the 14-character
 * identifier {@code idu} per parcel, answers in Lambert-93 already.
 */
public final class WfsParcels {
    public static final String PARCELS = "CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle";

    private WfsParcels() {
    }

    public static List<Parcel> find(WfsClient wfs, List<ParcelRef> refs) throws ServiceException {
        List<Parcel> out = new ArrayList<>();
        for (ParcelRef ref : refs) {
            WfsClient.Result r = wfs.getFeatures(WfsQuery.of(PARCELS).withEquals("idu", ref.idu()).withMaxFeatures(10));
            if (r.layer().size() == 0) {
                throw new ServiceException(wfs.endpoint(), Problem.NOT_FOUND, Localization.text("analysis.parcelFoundCadastreWfs", ref, PARCELS));
            }
            for (Feature f : r.layer().features()) {
                if (f.geometry() == null || f.geometry().isEmpty()) continue;
                String contenance = GeoplateformeProtections.text(f, "contenance");
                long c = 0;
                try {
                    c = contenance == null ? 0 : Math.round(Double.parseDouble(contenance));
                } catch (NumberFormatException e) {
                    c = 0;
                }
                out.add(new Parcel(ref, GeoplateformeProtections.text(f, "nom_com"), c, f.geometry()));
            }
        }
        return out;
    }
}
