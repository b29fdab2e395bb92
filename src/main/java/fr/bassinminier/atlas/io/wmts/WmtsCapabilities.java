package fr.bassinminier.atlas.io.wmts;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.TileMatrix;
import fr.bassinminier.atlas.model.tiles.TileMatrixSet;
import fr.bassinminier.atlas.style.sld.SldParser;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A WMTS 1.0 capabilities document: the GetTile endpoint, the tile matrix sets and the layers
 * with their styles, formats, matrix-set links and per-level limits. Read with the hardened
 * StAX factory of the SLD reader (no DTD, no external entity), in one streaming pass: the
 * Géoplateforme's document is 2 MB with 300+ layers.
 */
public record WmtsCapabilities(String getTileUrl, Map<String, TileMatrixSet> matrixSets, List<Layer> layers) {
    /** CRSs whose tiles the map can use: Web Mercator (warped) and Lambert-93 (as is). */
    private static final Map<String, CrsId> CRS_NAMES = Map.of(
            "EPSG:3857", CrsId.WEB_MERCATOR, "EPSG:900913", CrsId.WEB_MERCATOR, "EPSG:102100", CrsId.WEB_MERCATOR,
            "IGNF:LAMB93", CrsId.LAMBERT_93, "EPSG:2154", CrsId.LAMBERT_93);

    /** Bounds of a layer at one level, from its TileMatrixLimits. */
    public record Limits(long minRow, long maxRow, long minCol, long maxCol) {
    }

    /** A layer's link to a matrix set, with its limits per matrix identifier (empty: no limits given). */
    public record Link(String matrixSet, Map<String, Limits> limits) {
    }

    public record Layer(String id, String title, List<String> styles, String defaultStyle, List<String> formats,
                        List<Link> links, Map<String, String> tileTemplates) {
    }

    public Optional<Layer> layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * A background for one layer: its Lambert-93 matrix set where it has one (drawn without
     * warping), else a Web Mercator one; the set restricted to the layer's limits.
     *
     * @throws ServiceException when the layer is absent or offers no usable matrix set
     */
    public Basemap basemap(String layerId, String attribution, String source) throws ServiceException {
        Layer l = layer(layerId).orElseThrow(() -> new ServiceException(source, ServiceException.Problem.NOT_FOUND,
                Localization.text("io.layerOfferedService", layerId)));
        Link best = null;
        for (Link link : l.links()) {
            TileMatrixSet s = matrixSets.get(link.matrixSet());
            if (s == null) continue;
            if (s.crs().sameAs(CrsId.LAMBERT_93)) {
                best = link;
                break;
            }
            if (best == null && s.crs().sameAs(CrsId.WEB_MERCATOR)) best = link;
        }
        if (best == null) {
            throw new ServiceException(source, ServiceException.Problem.UNSUPPORTED, Localization.text("io.layerPublishedNeitherLambert", layerId));
        }
        TileMatrixSet set = restricted(matrixSets.get(best.matrixSet()), best.limits());
        String format = l.formats().contains("image/png") ? "image/png"
                : l.formats().contains("image/jpeg") ? "image/jpeg" : l.formats().isEmpty() ? "image/png"
                : l.formats().get(0);
        String style = l.defaultStyle() != null ? l.defaultStyle() : l.styles().isEmpty() ? "normal" : l.styles().get(0);
        if (getTileUrl != null) {
            return new Basemap(layerId.toLowerCase(Locale.ROOT), l.title(), Basemap.Kind.WMTS, getTileUrl, layerId,
                    style, format, set, attribution != null ? attribution : "© " + l.title(), false, 1);
        }
        // RESTful only: the template's {TileMatrix}, {TileCol}, {TileRow} become XYZ placeholders.
        String template = l.tileTemplates().getOrDefault(format, l.tileTemplates().values().stream().findFirst()
                .orElseThrow(() -> new ServiceException(source, ServiceException.Problem.UNSUPPORTED,
                        Localization.get("io.tileAddressNeitherKvp"))));
        template = template.replace("{Style}", style).replace("{TileMatrixSet}", set.id())
                .replace("{TileMatrix}", "{z}").replace("{TileCol}", "{x}").replace("{TileRow}", "{y}");
        return new Basemap(layerId.toLowerCase(Locale.ROOT), l.title(), Basemap.Kind.XYZ, template, layerId, style,
                format, set, attribution != null ? attribution : "© " + l.title(), false, 1);
    }

    /** Keeps the levels the layer has (those listed in its limits), each with its columns and rows. */
    static TileMatrixSet restricted(TileMatrixSet s, Map<String, Limits> limits) {
        if (limits.isEmpty()) return s;
        List<TileMatrix> out = new ArrayList<>();
        for (TileMatrix m : s.matrices()) {
            Limits lim = limits.get(m.id());
            if (lim != null) out.add(m.withLimits(lim.minCol(), lim.maxCol(), lim.minRow(), lim.maxRow()));
        }
        return out.isEmpty() ? s : new TileMatrixSet(s.id(), s.crs(), out);
    }

    /**
     * Reads a capabilities document.
     *
     * @param source how to name the document in messages (its URL or file)
     */
    /** A TileMatrix value that must be there; its absence is reported like a bad number. */
    private static String required(Map<String, String> tm, String name) {
        String v = tm.get(name);
        if (v == null || v.isBlank()) throw new NumberFormatException(Localization.text("io.missing2", name));
        return v;
    }

    public static WmtsCapabilities read(InputStream in, String source) throws ServiceException {
        XMLStreamReader r = null;
        try {
            r = SldParser.secureFactory().createXMLStreamReader(in);
            return new Parser(r).parse(source);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String msg = String.valueOf(e.getMessage());
            String detail = msg.contains("refusée") || msg.toUpperCase(Locale.ROOT).contains("DOCTYPE")
                    || msg.contains("DTD") ? Localization.get("io.documentRefusedDtdExternal")
                    : Localization.text("io.unreadableCapabilitiesMalformedXml", (line > 0 ? Localization.text("io.line", line) : ""));
            throw new ServiceException(source, ServiceException.Problem.CORRUPT, detail, e);
        } catch (NumberFormatException e) {
            throw new ServiceException(source, ServiceException.Problem.CORRUPT,
                    Localization.text("io.unreadableCapabilitiesInvalidNumber", e.getMessage()), e);
        } catch (java.util.MissingResourceException e) {
            // The JDK's parser on some malformed DOCTYPEs (found by fuzzing).
            throw new ServiceException(source, ServiceException.Problem.CORRUPT,
                    Localization.text("io.unreadableCapabilitiesMalformedXml2", e.getKey()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // The caller owns the stream.
                }
            }
        }
    }

    private static final class Parser {
        private final XMLStreamReader r;
        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private final Map<String, TileMatrixSet> sets = new LinkedHashMap<>();
        private final List<Layer> layers = new ArrayList<>();
        private String getTile;
        private String operation;
        private boolean kvp;
        private int encodings;
        private String pendingHref;
        // Layer under construction.
        private String lId;
        private String lTitle;
        private List<String> lStyles;
        private String lDefault;
        private boolean styleIsDefault;
        private List<String> lFormats;
        private List<Link> lLinks;
        private Map<String, String> lTemplates;
        private String linkSet;
        private Map<String, Limits> linkLimits;
        private Map<String, String> lim;
        // Matrix set under construction.
        private String sId;
        private String sCrs;
        private List<TileMatrix> sMatrices;
        private Map<String, String> tm;

        Parser(XMLStreamReader r) {
            this.r = r;
        }

        WmtsCapabilities parse(String source) throws XMLStreamException, ServiceException {
            boolean sawRoot = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!name.equals("Capabilities")) {
                            throw new ServiceException(source, ServiceException.Problem.CORRUPT,
                                    Localization.text("io.wmtsCapabilitiesDocumentRoot", name));
                        }
                    }
                    start(name);
                    path.push(name);
                    text.setLength(0);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    end(r.getLocalName(), text.toString().trim());
                    text.setLength(0);
                }
            }
            if (!sawRoot) throw new ServiceException(source, ServiceException.Problem.CORRUPT, Localization.get("io.emptyDocument"));
            return new WmtsCapabilities(getTile, sets, layers);
        }

        private String parent() {
            return path.peek();
        }

        private boolean under(String name) {
            return path.contains(name);
        }

        private void start(String name) {
            switch (name) {
                case "Operation" -> {
                    operation = r.getAttributeValue(null, "name");
                }
                case "Get" -> {
                    if ("GetTile".equals(operation)) {
                        pendingHref = attr("href");
                        kvp = false;
                        encodings = 0;
                    }
                }
                case "Layer" -> {
                    if ("Contents".equals(parent())) {
                        lId = null;
                        lTitle = null;
                        lStyles = new ArrayList<>();
                        lDefault = null;
                        lFormats = new ArrayList<>();
                        lLinks = new ArrayList<>();
                        lTemplates = new LinkedHashMap<>();
                    }
                }
                case "Style" -> styleIsDefault = "true".equalsIgnoreCase(r.getAttributeValue(null, "isDefault"));
                case "ResourceURL" -> {
                    String format = r.getAttributeValue(null, "format");
                    String template = r.getAttributeValue(null, "template");
                    if (lTemplates != null && "tile".equals(r.getAttributeValue(null, "resourceType"))
                            && format != null && template != null) {
                        lTemplates.putIfAbsent(format, template);
                    }
                }
                case "TileMatrixSetLink" -> {
                    linkSet = null;
                    linkLimits = new LinkedHashMap<>();
                }
                case "TileMatrixLimits" -> lim = new LinkedHashMap<>();
                case "TileMatrixSet" -> {
                    if ("Contents".equals(parent())) {
                        sId = null;
                        sCrs = null;
                        sMatrices = new ArrayList<>();
                    }
                }
                case "TileMatrix" -> {
                    if (sMatrices != null && "TileMatrixSet".equals(parent())) tm = new LinkedHashMap<>();
                }
                default -> {
                    // Other elements only matter through their text, read at their end.
                }
            }
        }

        private String attr(String local) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).equals(local)) return r.getAttributeValue(i);
            }
            return null;
        }

        private void end(String name, String t) {
            String p = parent();
            if (tm != null && "TileMatrix".equals(p)) {
                tm.put(name, t);
                return;
            }
            if (lim != null && "TileMatrixLimits".equals(p)) {
                lim.put(name, t);
                return;
            }
            switch (name) {
                case "Value" -> {
                    if (pendingHref != null) {
                        encodings++;
                        if ("KVP".equalsIgnoreCase(t)) kvp = true;
                    }
                }
                case "Get" -> {
                    if (pendingHref != null && (kvp || encodings == 0) && getTile == null) getTile = pendingHref;
                    pendingHref = null;
                }
                case "Identifier" -> {
                    if ("Layer".equals(p) && lStyles != null) lId = t;
                    else if ("Style".equals(p) && lStyles != null) {
                        lStyles.add(t);
                        if (styleIsDefault) lDefault = t;
                    } else if ("TileMatrixSet".equals(p) && sMatrices != null) sId = t;
                }
                case "Title" -> {
                    if ("Layer".equals(p) && lStyles != null) lTitle = t;
                }
                case "Format" -> {
                    if ("Layer".equals(p) && lFormats != null) lFormats.add(t);
                }
                case "SupportedCRS" -> {
                    if ("TileMatrixSet".equals(p)) sCrs = t;
                }
                case "TileMatrixSet" -> {
                    if ("TileMatrixSetLink".equals(p)) {
                        linkSet = t;
                    } else if ("Contents".equals(p) && sMatrices != null) {
                        CrsId crs = crs(sCrs);
                        if (sId != null && crs != null && !sMatrices.isEmpty()) {
                            sets.put(sId, new TileMatrixSet(sId, crs, sMatrices));
                        }
                        sMatrices = null;
                    }
                }
                case "TileMatrix" -> {
                    if (tm != null && "TileMatrixSet".equals(p)) {
                        String tl = tm.get("TopLeftCorner");
                        String[] corner = (tl == null ? "0 0" : tl).trim().split("\\s+");
                        if (corner.length < 2) throw new NumberFormatException(Localization.text("io.topleftcorner", tl));
                        sMatrices.add(new TileMatrix(required(tm, "Identifier"), Double.parseDouble(required(tm, "ScaleDenominator")),
                                Double.parseDouble(corner[0]), Double.parseDouble(corner[1]),
                                Integer.parseInt(required(tm, "TileWidth")), Integer.parseInt(required(tm, "TileHeight")),
                                Long.parseLong(required(tm, "MatrixWidth")), Long.parseLong(required(tm, "MatrixHeight"))));
                        tm = null;
                    }
                }
                case "TileMatrixLimits" -> {
                    if (lim != null && linkLimits != null && lim.get("TileMatrix") != null) {
                        linkLimits.put(lim.get("TileMatrix"), new Limits(Long.parseLong(lim.get("MinTileRow")),
                                Long.parseLong(lim.get("MaxTileRow")), Long.parseLong(lim.get("MinTileCol")),
                                Long.parseLong(lim.get("MaxTileCol"))));
                    }
                    lim = null;
                }
                case "TileMatrixSetLink" -> {
                    if (lLinks != null && linkSet != null) lLinks.add(new Link(linkSet, Map.copyOf(linkLimits)));
                    linkLimits = null;
                }
                case "Layer" -> {
                    if ("Contents".equals(p) && lId != null) {
                        layers.add(new Layer(lId, lTitle == null ? lId : lTitle, List.copyOf(lStyles), lDefault,
                                List.copyOf(lFormats), List.copyOf(lLinks), Map.copyOf(lTemplates)));
                    }
                    if ("Contents".equals(p)) lStyles = null;
                }
                default -> {
                    // Not needed.
                }
            }
        }

        private static CrsId crs(String name) {
            if (name == null) return null;
            String n = name.trim().toUpperCase(Locale.ROOT);
            // urn:ogc:def:crs:EPSG::3857 and the like.
            if (n.startsWith("URN:OGC:DEF:CRS:")) {
                String[] parts = n.substring("URN:OGC:DEF:CRS:".length()).split(":");
                n = parts[0] + ":" + parts[parts.length - 1];
            }
            return CRS_NAMES.get(n);
        }
    }
}
