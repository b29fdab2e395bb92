package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Envelope;

/**
 * What a WFS offers: its version, its feature types, and the output formats of GetFeature when
 * the server lists them (the Géoplateforme's capabilities do not: then GeoJSON is tried first).
 */
public record WfsCapabilities(String version, String title, List<WfsFeatureType> featureTypes,
                              List<String> outputFormats) {
    public WfsCapabilities {
        featureTypes = List.copyOf(featureTypes);
        outputFormats = List.copyOf(outputFormats);
    }

    public Optional<WfsFeatureType> featureType(String name) {
        for (WfsFeatureType t : featureTypes) if (t.name().equals(name)) return Optional.of(t);
        // "zone_urba" for "wfs_du:zone_urba", as users type it
        List<WfsFeatureType> bare = featureTypes.stream()
                .filter(t -> t.name().substring(t.name().indexOf(':') + 1).equals(name)).toList();
        return bare.size() == 1 ? Optional.of(bare.get(0)) : Optional.empty();
    }

    /** Whether GetFeature is known to answer GeoJSON; true when the server does not say. */
    public boolean offersJson() {
        return outputFormats.isEmpty() || outputFormats.stream().anyMatch(f -> f.toLowerCase().contains("json"));
    }

    /** Reads capabilities; the reader is on the root element (WFS_Capabilities). */
    static WfsCapabilities read(XMLStreamReader r) throws XMLStreamException {
        String version = WfsXml.attr(r, "version");
        String title = null;
        List<WfsFeatureType> types = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        String operation = null;
        String parameter = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "Operation" -> operation = null;
                    case "Parameter" -> parameter = null;
                    default -> { }
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "Title" -> {
                    if (title == null) title = WfsXml.text(r);
                    else WfsXml.skip(r);
                }
                case "FeatureType" -> types.add(featureType(r));
                case "Operation" -> operation = WfsXml.attr(r, "name");
                case "Parameter" -> parameter = WfsXml.attr(r, "name");
                case "Value", "Format" -> {
                    String v = WfsXml.text(r);
                    if ("GetFeature".equals(operation) && (parameter == null && "Format".equals(r.getLocalName())
                            || "outputFormat".equalsIgnoreCase(parameter))) {
                        formats.add(v);
                    }
                }
                default -> { }
            }
        }
        return new WfsCapabilities(version, title, types, formats);
    }

    private static WfsFeatureType featureType(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        String title = null;
        String summary = "";
        String defaultCrs = null;
        List<String> other = new ArrayList<>();
        Envelope wgs84 = null;
        double[] lower = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "Name" -> name = WfsXml.text(r);
                case "Title" -> title = WfsXml.text(r);
                case "Abstract" -> summary = WfsXml.text(r);
                case "DefaultCRS", "DefaultSRS" -> defaultCrs = WfsXml.text(r);
                case "OtherCRS", "OtherSRS" -> other.add(WfsXml.text(r));
                case "LowerCorner" -> lower = pair(WfsXml.text(r));
                case "UpperCorner" -> {
                    double[] upper = pair(WfsXml.text(r));
                    if (lower != null && upper != null) wgs84 = new Envelope(lower[0], upper[0], lower[1], upper[1]);
                }
                default -> depth++;
            }
        }
        if (name == null) throw new XMLStreamException(Localization.get("io.featureTypeWithoutName"));
        return new WfsFeatureType(name, title == null || title.isBlank() ? name : title, summary, defaultCrs, other, wgs84);
    }

    private static double[] pair(String s) {
        String[] p = s.trim().split("\\s+");
        if (p.length < 2) return null;
        try {
            return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
