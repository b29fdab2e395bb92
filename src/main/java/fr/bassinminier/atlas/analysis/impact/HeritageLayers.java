package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.SourceDates;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layers an impact check uses and the role of each, taken from a map project or from data
 * files, with the project that draws them (for the printed map). Immutable.
 *
 * @param layers  the layers with a role, in the project's layer order
 * @param ignored French notes on layers left out (no role recognised, not loaded, unknown CRS)
 * @param project the project the layers come from (for --data files: one built from them)
 */
public record HeritageLayers(List<RoleLayer> layers, List<String> ignored, LoadedProject project) {
    /** One layer with its role and what the answer must say about its source. */
    public record RoleLayer(HeritageRole role, ProjectLayer layer, HeritageSource source) {
    }

    public HeritageLayers {
        layers = List.copyOf(layers);
        ignored = List.copyOf(ignored);
    }

    /** Whether the project as a whole says its data are indicative (the demo map does). */
    public boolean projectIndicative() {
        return project.project().indicative();
    }

    public List<RoleLayer> withRole(HeritageRole role) {
        return layers.stream().filter(l -> l.role() == role).toList();
    }

    public boolean has(HeritageRole role) {
        return layers.stream().anyMatch(l -> l.role() == role);
    }

    /**
     * The roles of a loaded project's layers (visible or not): the demo ids first
     * ({@link LayerRoles#DEMO_IDS}), then the content rules of {@link LayerRoles}.
     */
    public static HeritageLayers fromProject(LoadedProject p) {
        Path base = p.file() == null ? null : p.file().toAbsolutePath().getParent();
        List<RoleLayer> out = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (ProjectLayer l : p.layers()) {
            LayerEntry e = l.entry();
            HeritageRole byId = LayerRoles.DEMO_IDS.get(e.id());
            if (!l.isLoaded()) {
                ignored.add("Couche « " + e.title() + " » non chargée : " + l.error());
                continue;
            }
            HeritageRole role = byId != null ? byId : LayerRoles.classify(l.data().schema(), l.data().geometryType(),
                    e.layerName(), l.data().name(), fileName(e.source()), e.title());
            if (role == null) continue; // basemap layers (towns, transport) are simply not heritage
            Path src = base == null ? Path.of(e.source()) : base.resolve(e.source()).normalize();
            out.add(new RoleLayer(role, l, source(role, e, src, l.data(), e.indicative() || p.project().indicative())));
        }
        return new HeritageLayers(out, ignored, p);
    }

    /**
     * Reads data files (shapefile, zip, GeoJSON, GeoPackage: every layer of each) and gives each
     * layer the role its content says. Layers are reprojected to Lambert-93.
     *
     * @throws DataException when a file cannot be read (French message naming it)
     */
    public static HeritageLayers fromFiles(List<Path> files) throws DataException {
        List<ProjectLayer> layers = new ArrayList<>();
        List<RoleLayer> out = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            Dataset ds = Formats.read(file);
            boolean multi = ds.layers().size() > 1 || file.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".gpkg");
            for (VectorLayer raw : ds.layers()) {
                String where = file.getFileName() + (multi ? " › " + raw.name() : "");
                HeritageRole role = LayerRoles.classify(raw.schema(), raw.geometryType(), raw.name(),
                        file.getFileName().toString());
                if (role == null) {
                    ignored.add("« " + where + " » : aucun rôle reconnu (ni bien, ni zone tampon, ni élément "
                            + "patrimonial), couche ignorée.");
                    continue;
                }
                if (!raw.crs().isKnown() || !CrsTransforms.isSupported(raw.crs())) {
                    ignored.add("« " + where + " » : système de coordonnées inconnu, couche ignorée.");
                    continue;
                }
                VectorLayer l93 = CrsTransforms.transform(raw, CrsId.LAMBERT_93);
                String id = uniqueId(ids, role.key() + "-" + Fields.fold(raw.name()));
                LayerEntry e = new LayerEntry(id, role.layerLabel() + " — " + raw.name(), "Patrimoine mondial",
                        file.toString(), multi ? raw.name() : null, true, 1.0, style(role), label(role, l93), null,
                        false, null);
                ProjectLayer pl = ProjectLayer.loaded(e, l93);
                layers.add(pl);
                out.add(new RoleLayer(role, pl, source(role, e, file, l93, false)));
            }
        }
        // Drawn from the bottom: buffer zone, property, then the elements on top.
        Comparator<ProjectLayer> order = Comparator.comparingInt(pl -> drawOrder(roleOf(out, pl)));
        layers.sort(order);
        out.sort(Comparator.comparingInt(r -> drawOrder(r.role())));
        MapProject mp = new MapProject("Vérification patrimoniale", CrsId.LAMBERT_93, null,
                layers.stream().map(ProjectLayer::entry).toList(), List.of(), false, null, null);
        return new HeritageLayers(out, ignored, new LoadedProject(mp, null, layers));
    }

    private static HeritageRole roleOf(List<RoleLayer> rs, ProjectLayer pl) {
        for (RoleLayer r : rs) if (r.layer() == pl) return r.role();
        return null;
    }

    /** Layer-tree position (first = top). */
    private static int drawOrder(HeritageRole r) {
        return switch (r) {
            case SHAFT -> 0;
            case BUILDING -> 1;
            case CITE -> 2;
            case TERRIL -> 3;
            case CAVALIER -> 4;
            case NEO_NATURAL -> 5;
            case PROPERTY -> 6;
            case BUFFER -> 7;
        };
    }

    private static String uniqueId(Set<String> ids, String base) {
        String id = base;
        for (int k = 2; !ids.add(id); k++) id = base + "-" + k;
        return id;
    }

    private static String fileName(String source) {
        if (source == null) return null;
        String s = source.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static HeritageSource source(HeritageRole role, LayerEntry e, Path file, VectorLayer data,
                                         boolean indicative) {
        SourceDates.SourceDate d = SourceDates.of(file, e.layerName() != null ? e.layerName() : data.name());
        return new HeritageSource(role, e.id(), e.title(), file.toString(), e.layerName(),
                d == null ? null : d.date(), d == null ? null : d.origin(), indicative, e.attribution(), data.size());
    }

    /** How official layers read from files are drawn on the printed map. */
    static LayerStyle style(HeritageRole role) {
        return switch (role) {
            case PROPERTY -> new LayerStyle("#d7301f", 0.28, "#a50f15", 1.2, null, 6, null);
            case BUFFER -> new LayerStyle("#fdae6b", 0.22, "#e6550d", 1.0, new double[] {6, 3}, 6, null);
            case BUILDING -> new LayerStyle("#6a51a3", 0.85, "#3f007d", 0.6, null, 6, null);
            case CITE -> new LayerStyle("#e07b1a", 0.55, "#7a3e05", 0.6, null, 6, null);
            case TERRIL -> new LayerStyle("#636363", 0.6, "#252525", 0.6, null, 6, null);
            case CAVALIER -> new LayerStyle("#8c6d31", 0.6, "#5b4520", 0.8, null, 6, null);
            case NEO_NATURAL -> new LayerStyle("#41b6c4", 0.6, "#1d7f8c", 0.6, null, 6, null);
            case SHAFT -> new LayerStyle("#000000", 1.0, "#ffffff", 0.5, null, 4, null);
        };
    }

    private static LabelRule label(HeritageRole role, VectorLayer l) {
        String field = switch (role) {
            case BUILDING -> Fields.find(l.schema(), "denomination", "nom");
            case TERRIL -> Fields.find(l.schema(), "no_terril", "nom");
            case PROPERTY -> Fields.find(l.schema(), "no_element");
            case CITE, NEO_NATURAL -> Fields.find(l.schema(), "nom");
            default -> null;
        };
        if (field == null) return null;
        double maxScale = role == HeritageRole.PROPERTY ? 0 : 25_000;
        return new LabelRule(field, maxScale, role == HeritageRole.PROPERTY ? 10 : 8,
                role == HeritageRole.PROPERTY ? "#7f0000" : "#333333", role == HeritageRole.PROPERTY ? 5 : 2,
                role == HeritageRole.PROPERTY);
    }
}
