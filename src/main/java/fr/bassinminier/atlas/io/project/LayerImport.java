package fr.bassinminier.atlas.io.project;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.OfficialSets;
import fr.bassinminier.atlas.model.project.Provenance;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adding data files to a project, and saving a project elsewhere: new layers get an id, a
 * title and a default style, and land in the project CRS whatever theirs.
 */
public final class LayerImport {
    public static final String ADDED_GROUP = "Données ajoutées";

    private LayerImport() {
    }

    /** Reads a file's layers (all of them; the UI then lets the user pick). */
    public static Dataset open(Path file) throws DataException {
        return Formats.read(file);
    }

    /**
     * The chosen layers of a dataset as project layers in {@code target}; a layer whose CRS is
     * unknown comes back failed, with a French message, so the others still load.
     */
    public static List<ProjectLayer> toProjectLayers(Dataset ds, Set<String> chosen, CrsId target) {
        List<ProjectLayer> out = new ArrayList<>();
        boolean multi = ds.layers().size() > 1;
        for (VectorLayer l : ds.layers()) {
            if (chosen != null && !chosen.contains(l.name())) continue;
            // The official set is attributed by itself; any other file by its name until the user says more.
            Provenance pv = OfficialSets.recognise(l.schema(), ds.source().getFileName().toString());
            LayerEntry e = new LayerEntry(slug(l.name()), l.name(), ADDED_GROUP, ds.source().toAbsolutePath().toString(),
                    multi ? l.name() : null, true, 1, null, null, pv.isKnown() ? OfficialSets.ATTRIBUTION : null, false,
                    null, null, pv);
            if (!l.crs().isKnown() || !CrsTransforms.isSupported(l.crs())) {
                out.add(ProjectLayer.failed(e, Localization.text("io.layerUnknownCoordinateSystem", l.name(), ds.source().getFileName())));
            } else {
                out.add(ProjectLayer.loaded(e, CrsTransforms.transform(l, target)));
            }
        }
        return out;
    }

    static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "couche" : s;
    }

    /** A path written relative to {@code oldBase}, rewritten relative to {@code newBase} when possible. */
    private static String rebase(String path, Path oldBase, Path newBase) {
        // A server (PostGIS) is not a file: its address stays as it is.
        if (path.startsWith("postgresql://") || path.startsWith("postgres://")) return path;
        if (fr.bassinminier.atlas.io.wfs.WfsSource.isWfs(path)) return path;
        Path abs = oldBase.resolve(path).normalize();
        try {
            return newBase.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException differentRoot) {
            return abs.toString();
        }
    }

    /**
     * Writes the project to {@code target}, with layer sources rewritten relative to the new
     * location where they can be (so the folder can be moved or shared as a whole).
     */
    public static LoadedProject saveAs(LoadedProject p, Path target) throws DataException {
        Path oldBase = p.file() == null ? Path.of("").toAbsolutePath() : p.file().toAbsolutePath().getParent();
        Path newBase = target.toAbsolutePath().getParent();
        List<ProjectLayer> layers = new ArrayList<>();
        for (ProjectLayer l : p.layers()) {
            var e = l.entry().withSource(rebase(l.entry().source(), oldBase, newBase));
            if (e.sld() != null) e = e.withSld(rebase(e.sld(), oldBase, newBase));
            layers.add(l.withEntry(e));
        }
        MapProject mp = p.project().withLayers(layers.stream().map(ProjectLayer::entry).toList());
        // The print templates live only in the file: carry them over from the one saved before.
        ProjectFile.write(target, mp, p.file() != null ? p.file() : target, logo -> Path.of(logo).isAbsolute() ? logo
                : rebase(logo, oldBase, newBase));
        return new LoadedProject(mp, target.toAbsolutePath(), layers);
    }
}
