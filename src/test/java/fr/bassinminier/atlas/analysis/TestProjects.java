package fr.bassinminier.atlas.analysis;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.testsupport.GeoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Layers and projects built in code, the demo project, and projects over the real open data. */
public final class TestProjects {
    public static final GeometryFactory GF = new GeometryFactory();
    private static LoadedProject demo;

    private TestProjects() {
    }

    /** "nom:string", "logements:integer"… */
    public static Schema schema(String... fields) {
        List<Field> out = new ArrayList<>();
        for (String f : fields) {
            String[] p = f.split(":");
            out.add(new Field(p[0], FieldType.valueOf(p[1].toUpperCase())));
        }
        return new Schema(out);
    }

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Features numbered from 1, each row a geometry (or null) followed by its values. */
    public static VectorLayer layer(String name, Schema schema, Object[]... rows) {
        List<Feature> fs = new ArrayList<>();
        long id = 1;
        GeometryType type = GeometryType.NONE;
        for (Object[] r : rows) {
            Geometry g = r[0] instanceof String s ? wkt(s) : (Geometry) r[0];
            if (g != null) type = type.merge(GeometryType.of(g));
            fs.add(new Feature(id++, g, schema, Arrays.copyOfRange(r, 1, r.length)));
        }
        return new VectorLayer(name, type, CrsId.LAMBERT_93, schema, fs);
    }

    public static Object[] row(Object... values) {
        return values;
    }

    public static LayerEntry entry(String id, String title, String labelField, boolean visible) {
        LabelRule label = labelField == null ? null : new LabelRule(labelField, 0, 10, "#000000", 1, false);
        return new LayerEntry(id, title, null, id + ".geojson", null, visible, 1.0, null, label, null, false, null);
    }

    public static ProjectLayer projectLayer(String id, String title, String labelField, VectorLayer data) {
        return ProjectLayer.loaded(entry(id, title, labelField, true), data);
    }

    public static LoadedProject project(ProjectLayer... layers) {
        List<LayerEntry> entries = Arrays.stream(layers).map(ProjectLayer::entry).toList();
        MapProject p = new MapProject("Test", CrsId.LAMBERT_93, null, entries, List.of(), null);
        return new LoadedProject(p, null, List.of(layers));
    }

    /** The demo map, loaded once for all tests. */
    public static synchronized LoadedProject demo() throws Exception {
        if (demo == null) {
            Path file = legacyDemo();
            demo = ProjectLoader.open(file);
            if (!demo.errors().isEmpty()) throw new AssertionError(demo.errors());
        }
        return demo;
    }

    public static ProjectLayer demoLayer(String id) throws Exception {
        return demo().layers().stream().filter(l -> l.entry().id().equals(id)).findFirst().orElseThrow();
    }

    public static Feature byName(ProjectLayer layer, String nom) {
        return layer.data().features().stream().filter(f -> nom.equals(f.get("nom"))).findFirst()
                .orElseThrow(() -> new AssertionError("absent : " + nom));
    }

    /**
     * A real open-data layer of ../shared/geodata in Lambert-93, labelled by "nom"; skips the
     * test when the data is absent.
     */
    public static ProjectLayer real(String id, String title, String relative) throws Exception {
        Path p = GeoData.require(relative);
        VectorLayer l = CrsTransforms.transform(Formats.read(p).layers().get(0), CrsId.LAMBERT_93);
        return ProjectLayer.loaded(entry(id, title, l.schema().indexOf("nom") >= 0 ? "nom" : null, true), l);
    }

    public static Coordinate c(double x, double y) {
        return new Coordinate(x, y);
    }

    /**
     * The first wave's hand-drawn demo, kept as a test fixture only: small, stable layers with
     * known names for tests of general behaviour. The map users open is the official one.
     */
    public static java.nio.file.Path legacyDemo() {
        return java.nio.file.Path.of(System.getProperty("atlas.projectDir", "."), "src", "test", "resources",
                "legacy-demo", "maps", "bassin-minier.atlas.json");
    }
}
