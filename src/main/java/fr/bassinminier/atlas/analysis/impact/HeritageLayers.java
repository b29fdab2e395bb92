package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
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
import fr.bassinminier.atlas.model.project.OfficialSets;
import fr.bassinminier.atlas.model.project.Provenance;
import java.util.Map;
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
 * <p>One source per role, never a union: when several layers could be the property (the shipped
 * simplified copy and the official zip the user added, say), the check uses those of one source —
 * the user's explicit choice, else official before indicative, full precision before simplified,
 * then layer order — and lists the others as set aside. Layers of the same source and rank (a
 * dataset that splits terrils of the property and of the buffer zone) are used together.
 *
 * @param layers   the layers with a role that the check uses, in the project's layer order
 * @param ignored  French notes on layers left out (no role recognised, not loaded, unknown CRS)
 * @param project  the project the layers come from (for --data files: one built from them)
 * @param setAside layers that could play a role but were set aside for a better source
 */
public record HeritageLayers(List<RoleLayer> layers, List<String> ignored, LoadedProject project,
                             List<SetAside> setAside) {
    /** One layer with its role and what the answer must say about its source. */
    public record RoleLayer(HeritageRole role, ProjectLayer layer, HeritageSource source) {
    }

    /** A layer that could have played {@code role}, and why another was used. */
    public record SetAside(HeritageRole role, String title, String reason) {
    }

    public HeritageLayers {
        layers = List.copyOf(layers);
        ignored = List.copyOf(ignored);
        setAside = List.copyOf(setAside);
    }

    public List<RoleLayer> withRole(HeritageRole role) {
        return layers.stream().filter(l -> l.role() == role).toList();
    }

    public boolean has(HeritageRole role) {
        return layers.stream().anyMatch(l -> l.role() == role);
    }

    /** The roles of a loaded project's layers (visible or not), by the content rules of {@link LayerRoles}. */
    public static HeritageLayers fromProject(LoadedProject p) {
        return fromProject(p, Map.of());
    }

    /**
     * @param chosen the layer id the user chose for a role; the other candidates of that role are set aside
     * @throws IllegalArgumentException when a chosen layer cannot serve its role (names the ones that can)
     */
    public static HeritageLayers fromProject(LoadedProject p, Map<HeritageRole, String> chosen) {
        Path base = p.file() == null ? null : p.file().toAbsolutePath().getParent();
        List<RoleLayer> candidates = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (ProjectLayer l : p.layers()) {
            LayerEntry e = l.entry();
            if (!l.isLoaded()) {
                ignored.add(Localization.get("report.layer.notLoaded", e.title(), l.error()));
                continue;
            }
            HeritageRole role = roleOf(l);
            if (role == null) continue; // basemap layers (communes, transport) are simply not heritage
            Path src = base == null ? Path.of(e.source()) : base.resolve(e.source()).normalize();
            candidates.add(new RoleLayer(role, l, source(role, e, src, l.data())));
        }
        List<RoleLayer> used = new ArrayList<>();
        List<SetAside> aside = new ArrayList<>();
        for (HeritageRole role : HeritageRole.values()) {
            List<RoleLayer> of = candidates.stream().filter(c -> c.role() == role).toList();
            if (of.isEmpty() && chosen.containsKey(role)) {
                throw new IllegalArgumentException(Localization.text("analysis.layerFitsRole", role.key()));
            }
            if (of.isEmpty()) continue;
            RoleLayer best = null;
            String id = chosen.get(role);
            if (id != null) {
                // A typo must not silently fall back to another layer.
                best = of.stream().filter(c -> c.layer().entry().id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(Localization.text("analysis.layerDoesFitRole", id, role.key(), String.join(", ",
                                of.stream().map(c -> c.layer().entry().id()).toList()))));
            }
            boolean explicit = best != null;
            if (best == null) best = of.stream().min(Comparator.comparingInt(HeritageLayers::rank)).orElseThrow();
            for (RoleLayer c : of) {
                boolean sameSource = explicit ? c == best
                        : rank(c) == rank(best) && sourceKey(c).equals(sourceKey(best));
                if (sameSource) used.add(c);
                else aside.add(new SetAside(role, c.layer().entry().title(), reason(c, best, explicit)));
            }
        }
        used.sort(Comparator.comparingInt(candidates::indexOf));
        return new HeritageLayers(used, ignored, p, aside);
    }

    /** The role a loaded layer has by its content, or null. */
    public static HeritageRole roleOf(ProjectLayer l) {
        if (l == null || !l.isLoaded()) return null;
        LayerEntry e = l.entry();
        return LayerRoles.classify(l.data().schema(), l.data().geometryType(), e.layerName(), l.data().name(),
                fileName(e.source()), e.title());
    }

    /**
     * What makes layers one source: the dataset their provenance names (an official set split
     * over several files is one source), else their file.
     */
    private static String sourceKey(RoleLayer c) {
        Provenance pv = c.layer().entry().provenance();
        return pv.isKnown() ? pv.producer() + "|" + pv.dataset() + "|" + pv.url() : c.source().file();
    }

    /** Lower is better: official before indicative, full precision before simplified. */
    private static int rank(RoleLayer c) {
        LayerEntry e = c.layer().entry();
        return (e.indicative() ? 2 : 0) + (e.provenance().simplified() ? 1 : 0);
    }

    private static String reason(RoleLayer c, RoleLayer best, boolean explicit) {
        String used = Localization.text("analysis.quoted", best.layer().entry().title());
        if (explicit) return Localization.get("report.aside.explicit", used);
        if (c.layer().entry().indicative()) return Localization.get("report.aside.indicative", used);
        if (c.layer().entry().provenance().simplified() && rank(best) < rank(c)) {
            return Localization.get("report.aside.simplified", used);
        }
        return Localization.get("report.aside.order", used);
    }

    /**
     * Reads data files (shapefile, zip, GeoJSON, GeoPackage: every layer of each) and gives each
     * layer the role its content says. Layers are reprojected to Lambert-93.
     *
     * @throws DataException when a file cannot be read (French message naming it)
     */
    public static HeritageLayers fromFiles(List<Path> files) throws DataException {
        List<String> ignored = new ArrayList<>();
        List<ProjectLayer> layers = fileLayers(files, new HashSet<>(), ignored);
        MapProject mp = new MapProject("Vérification patrimoniale", CrsId.LAMBERT_93, null,
                layers.stream().map(ProjectLayer::entry).toList(), List.of(), null);
        HeritageLayers h = fromProject(new LoadedProject(mp, null, layers));
        List<String> all = new ArrayList<>(ignored);
        all.addAll(h.ignored());
        return new HeritageLayers(h.layers(), all, h.project(), h.setAside());
    }

    /**
     * A project's layers plus data files (drawn above them): the check then uses, for each role,
     * the best source among both, so adding the official files changes no answer they give alone.
     */
    public static HeritageLayers withFiles(LoadedProject p, List<Path> files, Map<HeritageRole, String> chosen)
            throws DataException {
        Set<String> ids = new HashSet<>();
        p.layers().forEach(l -> ids.add(l.entry().id()));
        List<String> ignored = new ArrayList<>();
        List<ProjectLayer> added = fileLayers(files, ids, ignored);
        List<ProjectLayer> all = new ArrayList<>(added);
        all.addAll(p.layers());
        HeritageLayers h = fromProject(p.withLayers(all), chosen);
        List<String> notes = new ArrayList<>(ignored);
        notes.addAll(h.ignored());
        return new HeritageLayers(h.layers(), notes, h.project(), h.setAside());
    }

    private static List<ProjectLayer> fileLayers(List<Path> files, Set<String> ids, List<String> ignored)
            throws DataException {
        List<ProjectLayer> layers = new ArrayList<>();
        for (Path file : files) {
            Dataset ds = Formats.read(file);
            boolean multi = ds.layers().size() > 1 || file.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".gpkg");
            for (VectorLayer raw : ds.layers()) {
                String where = file.getFileName() + (multi ? " › " + raw.name() : "");
                HeritageRole role = LayerRoles.classify(raw.schema(), raw.geometryType(), raw.name(),
                        file.getFileName().toString());
                if (role == null) {
                    ignored.add(Localization.get("report.layer.noRole", where));
                    continue;
                }
                if (!raw.crs().isKnown() || !CrsTransforms.isSupported(raw.crs())) {
                    ignored.add(Localization.get("report.layer.noCrs", where));
                    continue;
                }
                VectorLayer l93 = CrsTransforms.transform(raw, CrsId.LAMBERT_93);
                String id = uniqueId(ids, role.key() + "-" + Fields.fold(raw.name()));
                Provenance pv = OfficialSets.recognise(raw.schema(), file.getFileName().toString());
                LayerEntry e = new LayerEntry(id, role.layerLabel() + " — " + raw.name(), "Patrimoine mondial",
                        file.toString(), multi ? raw.name() : null, true, 1.0, style(role), label(role, l93),
                        pv.isKnown() ? OfficialSets.ATTRIBUTION : null, false, null, null, pv);
                layers.add(ProjectLayer.loaded(e, l93));
            }
        }
        // Drawn from the bottom: buffer zone, property, then the elements on top.
        layers.sort(Comparator.comparingInt(pl -> drawOrder(roleOf(pl))));
        return layers;
    }

    /** Layer-tree position (first = top). */
    private static int drawOrder(HeritageRole r) {
        if (r == null) return 99;
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

    private static HeritageSource source(HeritageRole role, LayerEntry e, Path file, VectorLayer data) {
        Provenance pv = e.provenance();
        SourceDates.SourceDate d = pv.date() != null ? new SourceDates.SourceDate(pv.date(), Localization.get("report.date.projectCopy"))
                : SourceDates.of(file, e.layerName() != null ? e.layerName() : data.name());
        return new HeritageSource(role, e.id(), e.title(), file.toString(), e.layerName(),
                d == null ? null : d.date(), d == null ? null : d.origin(), e.indicative(), e.credit(), data.size(),
                pv.precision(), pv.simplified(), pv.url());
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
