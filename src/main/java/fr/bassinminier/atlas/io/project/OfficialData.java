package fr.bassinminier.atlas.io.project;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.geopackage.GeoPackageWriter;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Builds the default map's data — one Lambert-93 GeoPackage — from the official open data of the
 * Mission Bassin Minier and the State services (the files laid out as in {@code ../shared/geodata},
 * which have the same fields as the official downloads). The output is committed with the project;
 * this class is how anyone redoes it ({@code atlas donnees officielles}).
 *
 * <p>What the conversion adds, and only that: reprojection to Lambert-93; property and buffer-zone
 * parts of a theme in one layer with a {@code perimetre} field; buildings completed from the
 * equipment layers (same {@code id_unesco}); cités given a stable key ({@code cle}: "U" + id_unesco,
 * "L" + id_lsm) and their ERBM membership and {@code interet} from the ERBM layer (by id_lsm, else by
 * overlap); communes given their EPCI's current name from the EPCI layer. Nothing else is changed.
 */
public final class OfficialData {
    /** One layer written, with what its provenance must say. */
    public record Built(String name, String dataset, String url, int features, String files) {
    }

    /** The layers written and the notes of the join steps (counts of matches). */
    public record Result(Path file, List<Built> layers, List<String> notes) {
    }

    private static final String UNESCO_DATASET =
            "Périmètre bien inscrit et zone tampon du Bassin Minier – patrimoine mondial UNESCO";
    private static final String UNESCO_URL = "https://www.data.gouv.fr/ (jeu « UNESCO - L93 2018 ») ; "
            + "https://www.geo2france.fr/geoserver/mission_bassin_minier/ows";
    private static final String MBM_WFS = "https://www.geo2france.fr/geoserver/mission_bassin_minier/ows";

    private OfficialData() {
    }

    /**
     * Reads the official files under {@code dir} and writes {@code out} atomically.
     *
     * @throws DataException naming the missing or unreadable file
     */
    public static Result build(Path dir, Path out) throws DataException {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, Problem.NOT_FOUND, Localization.get("io.officialDataFolderFound"));
        }
        List<VectorLayer> layers = new ArrayList<>();
        List<Built> built = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        VectorLayer bien = read(dir, "unesco/bien-inscrit.geojson");
        add(layers, built, rename(bien, "bien_inscrit"), UNESCO_DATASET, UNESCO_URL, "unesco/bien-inscrit.geojson");
        add(layers, built, rename(read(dir, "unesco/zone-tampon.geojson"), "zone_tampon"), UNESCO_DATASET, UNESCO_URL,
                "unesco/zone-tampon.geojson");

        VectorLayer batis = enrichBuildings(read(dir, "unesco/batis.geojson"),
                List.of(read(dir, "unesco/equipements-collectifs.geojson"),
                        read(dir, "unesco/equipements-extraction.geojson")), notes);
        add(layers, built, batis, Localization.text("io.collectiveExtractionFacilitiesWfs", UNESCO_DATASET), UNESCO_URL,
                "unesco/batis.geojson + equipements-*.geojson");

        add(layers, built, merge("terrils", Map.of("id", "no_terril"),
                tagged(read(dir, "terrils/terrils-bien-inscrit.geojson"), "bien inscrit"),
                tagged(read(dir, "terrils/terrils-zone-tampon.geojson"), "zone tampon")), UNESCO_DATASET, UNESCO_URL,
                "terrils/*.geojson");

        VectorLayer cites = cites(read(dir, "cites-minieres/cites-minieres-bien-inscrit.geojson"),
                read(dir, "cites-minieres/cites-minieres-zone-tampon.geojson"), read(dir, "erbm/cites-erbm.geojson"),
                notes);
        add(layers, built, cites, Localization.text("io.erbmCitSWfs", UNESCO_DATASET), UNESCO_URL,
                "cites-minieres/*.geojson + erbm/cites-erbm.geojson");

        add(layers, built, rename(read(dir, "unesco/cavaliers.geojson"), "cavaliers_bien"), UNESCO_DATASET, UNESCO_URL,
                "unesco/cavaliers.geojson");
        add(layers, built, rename(read(dir, "zone-tampon/cavaliers.geojson"), "cavaliers_zone_tampon"),
                Localization.get("io.spoilTipRailwaysBuffer"), MBM_WFS, "zone-tampon/cavaliers.geojson");
        add(layers, built, merge("espaces_neonaturels", Map.of(),
                tagged(read(dir, "unesco/espace-neonaturel.geojson"), "bien inscrit"),
                tagged(read(dir, "zone-tampon/espaces-neonaturels.geojson"), "zone tampon")), Localization.text("io.neoNaturalSpacesBuffer", UNESCO_DATASET), UNESCO_URL, "*/espace*-neonaturel*.geojson");
        add(layers, built, rename(read(dir, "zone-tampon/parvis-agricoles.geojson"), "parvis_agricoles"),
                Localization.get("io.farmForecourtsBufferZone"), MBM_WFS,
                "zone-tampon/parvis-agricoles.geojson");
        add(layers, built, rename(read(dir, "puits/puits-de-mines.geojson"), "puits"),
                Localization.get("io.formerMineShaftsNord"), "https://www.data.gouv.fr/",
                "puits/puits-de-mines.geojson");
        VectorLayer epci = read(dir, "communes/epci-mbm.geojson");
        add(layers, built, communes(read(dir, "communes/communes-mbm.geojson"), epci, notes),
                Localization.get("io.communesMiningBasinWfs"), MBM_WFS,
                "communes/communes-mbm.geojson + epci-mbm.geojson");
        add(layers, built, rename(epci, "epci"), Localization.get("io.epciMiningBasinGeo"), "https://geo.api.gouv.fr/",
                "communes/epci-mbm.geojson");
        add(layers, built, rename(read(dir, "unesco/bassin-minier-mbm.geojson"), "bassin_minier"),
                Localization.get("io.perimeterMiningBasinWfs"), MBM_WFS, "unesco/bassin-minier-mbm.geojson");

        new GeoPackageWriter().write(out, layers);
        return new Result(out, built, notes);
    }

    private static void add(List<VectorLayer> layers, List<Built> built, VectorLayer l, String dataset, String url,
                            String files) {
        layers.add(l);
        built.add(new Built(l.name(), dataset, url, l.size(), files));
    }

    private static VectorLayer read(Path dir, String rel) throws DataException {
        Path f = dir.resolve(rel);
        if (!Files.isRegularFile(f)) throw new DataException(f, Problem.NOT_FOUND, Localization.get("io.officialFileFound"));
        Dataset ds = Formats.read(f);
        if (ds.layers().isEmpty()) throw new DataException(f, Problem.CORRUPT, Localization.get("io.layer4"));
        VectorLayer l = ds.layers().get(0);
        // Null geometries (one in equipements-collectifs, one in zt_cavaliers) have nothing to draw or check.
        List<Feature> kept = l.features().stream().filter(x -> x.geometry() != null && !x.geometry().isEmpty())
                .toList();
        return CrsTransforms.transform(l.withFeatures(l.crs(), kept), CrsId.LAMBERT_93);
    }

    private static VectorLayer rename(VectorLayer l, String name) {
        return new VectorLayer(name, l.geometryType(), l.crs(), l.schema(), l.features());
    }

    /** The layer with a {@code perimetre} field saying which part of the inscription it comes from. */
    private static VectorLayer tagged(VectorLayer l, String perimetre) {
        List<Field> fields = new ArrayList<>(l.schema().fields());
        fields.add(new Field("perimetre", FieldType.STRING));
        Schema s = new Schema(fields);
        List<Feature> out = new ArrayList<>();
        for (Feature f : l.features()) {
            Object[] v = new Object[fields.size()];
            for (int i = 0; i < l.schema().size(); i++) v[i] = f.get(i);
            v[fields.size() - 1] = perimetre;
            out.add(new Feature(f.id(), f.geometry(), s, v));
        }
        return new VectorLayer(l.name(), l.geometryType(), l.crs(), s, out);
    }

    /** Layers of one theme in one, fields united in order of appearance ({@code renames} maps field names). */
    private static VectorLayer merge(String name, Map<String, String> renames, VectorLayer... parts) {
        LinkedHashMap<String, Field> fields = new LinkedHashMap<>();
        for (VectorLayer p : parts) {
            for (Field f : p.schema().fields()) {
                String n = renames.getOrDefault(f.name(), f.name());
                Field prev = fields.get(n);
                if (prev == null) fields.put(n, new Field(n, f.type()));
                else if (prev.type() != f.type()) fields.put(n, new Field(n, FieldType.STRING));
            }
        }
        Schema s = new Schema(new ArrayList<>(fields.values()));
        List<Feature> out = new ArrayList<>();
        GeometryType type = null;
        long id = 1;
        for (VectorLayer p : parts) {
            type = type == null || type == p.geometryType() ? p.geometryType() : GeometryType.GEOMETRY;
            for (Feature f : p.features()) {
                Object[] v = new Object[s.size()];
                for (Field pf : p.schema().fields()) {
                    int to = s.indexOf(renames.getOrDefault(pf.name(), pf.name()));
                    Object val = f.get(pf.name());
                    v[to] = s.fields().get(to).type() == FieldType.STRING && val != null ? val.toString() : val;
                }
                out.add(new Feature(id++, f.geometry(), s, v));
            }
        }
        if (type == GeometryType.POLYGON) type = GeometryType.MULTIPOLYGON;
        return new VectorLayer(name, promote(type, out), parts[0].crs(), s, out);
    }

    /** A layer mixing Polygon and MultiPolygon is declared MultiPolygon, as GDAL does. */
    private static GeometryType promote(GeometryType t, List<Feature> features) {
        boolean polygons = features.stream().allMatch(f -> f.geometry().getGeometryType().endsWith("Polygon"));
        return polygons ? GeometryType.MULTIPOLYGON : t;
    }

    /** Buildings whose name, typology, period or protection is blank take them from the equipment layers. */
    private static VectorLayer enrichBuildings(VectorLayer batis, List<VectorLayer> equipment, List<String> notes) {
        Map<String, Feature> byId = new HashMap<>();
        for (VectorLayer l : equipment) {
            for (Feature f : l.features()) {
                String id = text(f, "id_unesco");
                if (id != null) byId.putIfAbsent(id, f);
            }
        }
        String[] completed = {"nom", "typologie", "periode", "protection", "proprietaire"};
        int filled = 0;
        int matched = 0;
        List<Feature> out = new ArrayList<>();
        for (Feature f : batis.features()) {
            Feature eq = byId.get(text(f, "id_unesco"));
            Object[] v = new Object[batis.schema().size()];
            for (int i = 0; i < v.length; i++) v[i] = f.get(i);
            if (eq != null) {
                matched++;
                for (String field : completed) {
                    int i = batis.schema().indexOf(field);
                    if (i >= 0 && v[i] == null && text(eq, field) != null) {
                        v[i] = text(eq, field);
                        filled++;
                    }
                }
            }
            out.add(new Feature(f.id(), f.geometry(), batis.schema(), v));
        }
        notes.add(Localization.text("io.buildingsFoundFacilityLayers", matched, batis.size(), filled));
        return new VectorLayer("batis", promote(batis.geometryType(), out), batis.crs(), batis.schema(), out);
    }

    private static final String[] CITE_FIELDS = {"cle", "nom", "nom_2", "commune_1", "commune_2", "commune_3", "type",
        "compagnie", "interet", "proprietaire", "perimetre", "id_unesco", "id_lsm", "erbm", "inscrit_mh", "classe_mh"};

    /**
     * Cités of the property and of the buffer zone in one layer. An ERBM cité is matched by id_lsm
     * (buffer-zone cités carry it), else by the property cité it overlaps most; an ERBM cité that
     * matches none is added as it is (perimetre "hors périmètre UNESCO").
     */
    private static VectorLayer cites(VectorLayer bien, VectorLayer zt, VectorLayer erbm, List<String> notes) {
        List<Field> fields = new ArrayList<>();
        for (String f : CITE_FIELDS) fields.add(new Field(f, FieldType.STRING));
        Schema s = new Schema(fields);
        List<Object[]> rows = new ArrayList<>();
        List<Geometry> geoms = new ArrayList<>();
        Map<String, Integer> byLsm = new HashMap<>();
        STRtree tree = new STRtree();
        int n = 0;
        for (Feature f : bien.features()) {
            Object[] v = new Object[CITE_FIELDS.length];
            copy(f, v, "nom", "commune_1", "commune_2", "type", "compagnie", "interet", "proprietaire", "id_unesco",
                    "inscrit_mh", "classe_mh");
            v[idx("perimetre")] = "bien inscrit";
            String u = text(f, "id_unesco");
            v[idx("cle")] = u != null ? "U" + u : "UN" + (++n);
            v[idx("erbm")] = "non";
            tree.insert(f.geometry().getEnvelopeInternal(), rows.size());
            rows.add(v);
            geoms.add(f.geometry());
        }
        for (Feature f : zt.features()) {
            Object[] v = new Object[CITE_FIELDS.length];
            copy(f, v, "nom", "nom_2", "commune_1", "commune_2", "commune_3", "type", "compagnie", "interet",
                    "proprietaire", "id_lsm");
            v[idx("perimetre")] = "zone tampon";
            String lsm = text(f, "id_lsm");
            v[idx("cle")] = "L" + lsm;
            v[idx("erbm")] = "non";
            byLsm.put(lsm, rows.size());
            rows.add(v);
            geoms.add(f.geometry());
        }
        int byId = 0;
        int byOverlap = 0;
        int added = 0;
        for (Feature f : erbm.features()) {
            String lsm = text(f, "id_lsm");
            Integer row = byLsm.get(lsm);
            if (row != null) {
                byId++;
            } else {
                row = mostOverlapping(tree, geoms, f.geometry());
                if (row != null) byOverlap++;
            }
            if (row == null) {
                Object[] v = new Object[CITE_FIELDS.length];
                copy(f, v, "nom", "nom_2", "commune_1", "commune_2", "commune_3", "type", "compagnie", "interet",
                        "proprietaire", "id_lsm");
                v[idx("perimetre")] = Localization.get("io.outsideUnescoPerimeter");
                v[idx("cle")] = "L" + lsm;
                row = rows.size();
                rows.add(v);
                geoms.add(f.geometry());
                added++;
            }
            Object[] v = rows.get(row);
            v[idx("erbm")] = "oui";
            if (v[idx("id_lsm")] == null) v[idx("id_lsm")] = lsm;
            if (v[idx("interet")] == null) v[idx("interet")] = text(f, "interet");
            if (v[idx("proprietaire")] == null) v[idx("proprietaire")] = text(f, "proprietaire");
        }
        notes.add(Localization.text("io.erbmCitSFound", erbm.size(), byId, byOverlap, added));
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) out.add(new Feature(i + 1, geoms.get(i), s, rows.get(i)));
        return new VectorLayer("cites", GeometryType.MULTIPOLYGON, bien.crs(), s, out);
    }

    private static Integer mostOverlapping(STRtree tree, List<Geometry> geoms, Geometry g) {
        Geometry a = g.isValid() ? g : GeometryFixer.fix(g);
        double best = 0.2 * a.getArea(); // a cité shares most of its ground, not a sliver of a neighbour
        Integer bestRow = null;
        for (Object o : tree.query(a.getEnvelopeInternal())) {
            int row = (Integer) o;
            Geometry b = geoms.get(row).isValid() ? geoms.get(row) : GeometryFixer.fix(geoms.get(row));
            double shared = a.intersection(b).getArea();
            if (shared > best) {
                best = shared;
                bestRow = row;
            }
        }
        return bestRow;
    }

    /** Communes with the current name of their EPCI (the communes file may carry an older one). */
    private static VectorLayer communes(VectorLayer communes, VectorLayer epci, List<String> notes) {
        Map<String, String> names = new HashMap<>();
        for (Feature f : epci.features()) names.put(text(f, "code_siren"), text(f, "nom"));
        int col = communes.schema().indexOf("epci_nom");
        int changed = 0;
        List<Feature> out = new ArrayList<>();
        for (Feature f : communes.features()) {
            Object[] v = new Object[communes.schema().size()];
            for (int i = 0; i < v.length; i++) v[i] = f.get(i);
            String current = names.get(text(f, "epci_siren"));
            if (col >= 0 && current != null && !current.equals(v[col])) {
                v[col] = current;
                changed++;
            }
            out.add(new Feature(f.id(), f.geometry(), communes.schema(), v));
        }
        notes.add(Localization.text("io.communesEpciNamesUpdated", changed));
        return new VectorLayer("communes", promote(communes.geometryType(), out), communes.crs(), communes.schema(),
                out);
    }

    private static int idx(String field) {
        for (int i = 0; i < CITE_FIELDS.length; i++) if (CITE_FIELDS[i].equals(field)) return i;
        throw new IllegalArgumentException(field);
    }

    private static void copy(Feature f, Object[] v, String... fields) {
        for (String field : fields) v[idx(field)] = text(f, field);
    }

    static String text(Feature f, String field) {
        if (f.schema().indexOf(field) < 0) return null;
        Object v = f.get(field);
        if (v == null) return null;
        String s = v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
