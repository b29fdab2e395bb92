package fr.bassinminier.atlas.io.project;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.StreamedReadException;
import fr.bassinminier.atlas.io.geopackage.GeoPackageStream;
import fr.bassinminier.atlas.io.sld.SldFiles;
import fr.bassinminier.atlas.style.sld.SldException;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a project and loads its layers into the project CRS. A layer that fails to load is
 * kept with its French error so that the rest of the map still opens.
 */
public final class ProjectLoader {
    private ProjectLoader() {
    }

    public static LoadedProject open(Path file) throws DataException {
        MapProject p = ProjectFile.read(file);
        return load(p, file);
    }

    /**
     * Opens a project whose layers are read from their files as they are drawn where the format
     * allows it (GeoPackage with its spatial index, in the project's CRS): for commands that draw
     * the map once (render, print), which then never hold a big layer whole. Other layers load.
     */
    public static LoadedProject openStreamed(Path file) throws DataException {
        MapProject p = ProjectFile.read(file);
        return load(p, file, true);
    }

    public static LoadedProject load(MapProject p, Path file) {
        return load(p, file, false);
    }

    /**
     * The project as the window first shows it: every layer listed and pending, none read yet.
     * The window then opens each with {@link #openLayer} and puts it in its place as it arrives.
     */
    public static LoadedProject pending(MapProject p, Path file) {
        return new LoadedProject(p, file, p.layers().stream().map(ProjectLayer::pending).toList());
    }

    /**
     * One layer of the project, for the window: read from its file as it is drawn where the format
     * allows it (as {@link #openStreamed}) and the file holds at least {@code streamFromBytes},
     * otherwise loaded whole; never throws, a layer that cannot be read comes back failed with its
     * French message. {@code cache} keeps files read whole between the layers of one opening (a
     * GeoPackage holding several of them). A window draws a layer many times and identifies, lists
     * and searches it: a small file costs less held in memory than read again at every frame.
     */
    public static ProjectLayer openLayer(MapProject p, Path file, LayerEntry e, Map<Path, Dataset> cache,
                                         long streamFromBytes) {
        Path base = file == null ? Path.of(".") : file.toAbsolutePath().getParent();
        ProjectLayer l;
        try {
            l = streamFromBytes == Long.MAX_VALUE ? null
                    : streamFromBytes <= 0 || sizeOf(base, e) >= streamFromBytes ? streamedLayer(p, base, e) : null;
        } catch (RuntimeException ex) {
            l = null; // the whole read says what is wrong, in the usual words
        }
        try {
            return l != null ? l : loadLayer(p, base, e, cache);
        } catch (RuntimeException ex) {
            return ProjectLayer.failed(e, Localization.text("io.layer5", e.title(), ex.getMessage()));
        }
    }

    /** Size of the layer's file in bytes (its .shp for a shapefile); 0 when not a local file. */
    private static long sizeOf(Path base, LayerEntry e) {
        if (WfsLayers.isWfs(e) || e.source().contains("://")) return 0;
        try {
            return java.nio.file.Files.size(base.resolve(e.source()).normalize());
        } catch (java.io.IOException | java.nio.file.InvalidPathException ex) {
            return 0;
        }
    }

    /** Every layer through {@link #openLayer}: streamed wherever possible, or none streamed. */
    private static LoadedProject load(MapProject p, Path file, boolean streamed) {
        Map<Path, Dataset> cache = new HashMap<>();
        List<ProjectLayer> out = new ArrayList<>();
        for (LayerEntry e : p.layers()) out.add(openLayer(p, file, e, cache, streamed ? 0 : Long.MAX_VALUE));
        return new LoadedProject(p, file, out);
    }

    /** A shapefile read through its .shx as it is drawn, or null when it has to be loaded whole. */
    private static ProjectLayer streamedShapefile(MapProject p, Path base, LayerEntry e, Path src) {
        try {
            if (!java.nio.file.Files.isRegularFile(src)) return null;
            fr.bassinminier.atlas.io.shapefile.ShapefileStream s =
                    fr.bassinminier.atlas.io.shapefile.ShapefileStream.open(src, w -> { });
            if (s == null || !s.crs().isKnown() || !s.crs().sameAs(p.crs())
                    || e.layerName() != null && !e.layerName().equals(s.name())) {
                return null;
            }
            VectorLayer layer = VectorLayer.streamed(s.name(), s.crs(), s, s.size(), () -> {
                try {
                    return Formats.read(src).layers().get(0).features();
                } catch (DataException ex) {
                    throw new StreamedReadException(ex);
                }
            });
            return withSld(ProjectLayer.loaded(e, layer), base);
        } catch (DataException | RuntimeException ex) {
            return null; // the whole read says what is wrong, in the usual words
        }
    }

    /** The layer read from its file as it is drawn, or null when it has to be loaded whole. */
    private static ProjectLayer streamedLayer(MapProject p, Path base, LayerEntry e) {
        if (WfsLayers.isWfs(e)) return null;
        Path src = base.resolve(e.source()).normalize();
        if (src.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".shp")) return streamedShapefile(p, base, e, src);
        if (!src.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) return null;
        try {
            GeoPackageStream s = GeoPackageStream.open(src, e.layerName());
            if (s == null || !s.crs().isKnown() || !s.crs().sameAs(p.crs())) return null;
            VectorLayer layer = VectorLayer.streamed(s.name(), s.crs(), s, s.size(), () -> {
                try {
                    Dataset ds = Formats.read(src);
                    return ds.layer(s.name()).orElseThrow().features();
                } catch (DataException ex) {
                    throw new StreamedReadException(ex);
                }
            });
            return withSld(ProjectLayer.loaded(e, layer), base);
        } catch (DataException ex) {
            return null; // the whole read says what is wrong, in the usual words
        }
    }

    /**
     * Reads the layer's SLD when it names one. A broken SLD never loses the layer: it is drawn
     * with its simple style and the French message says what was wrong.
     */
    static ProjectLayer withSld(ProjectLayer l, Path base) {
        String sld = l.entry().sld();
        if (sld == null || sld.isBlank()) return l;
        Path file = base.resolve(sld).normalize();
        try {
            return l.withStyle(SldFiles.read(file), null);
        } catch (SldException ex) {
            return l.withStyle(null, Localization.text("io.styleIgnoredSimpleStyle", l.entry().title(), ex.getMessage()));
        }
    }

    private static ProjectLayer loadLayer(MapProject p, Path base, LayerEntry e, Map<Path, Dataset> cache) {
        if (e.source().startsWith("postgresql://") || e.source().startsWith("postgres://")) return postgis(p, base, e);
        if (WfsLayers.isWfs(e)) return wfs(p, base, e);
        Path src = base.resolve(e.source()).normalize();
        try {
            Dataset ds = cache.get(src);
            if (ds == null) {
                ds = Formats.read(src);
                cache.put(src, ds);
            }
            VectorLayer layer;
            if (e.layerName() != null) {
                layer = ds.layer(e.layerName()).orElse(null);
                if (layer == null) {
                    return ProjectLayer.failed(e, Localization.text("io.layerLayerDoesExist", e.title(), e.layerName(), src.getFileName()));
                }
            } else if (ds.layers().isEmpty()) {
                return ProjectLayer.failed(e, Localization.text("io.layerEmpty", e.title(), src.getFileName()));
            } else {
                layer = ds.layers().get(0);
            }
            if (!layer.crs().isKnown() || !CrsTransforms.isSupported(layer.crs())) {
                return ProjectLayer.failed(e, Localization.text("io.layerUnknownCoordinateSystem2", e.title(), src.getFileName()));
            }
            return withSld(ProjectLayer.loaded(e, CrsTransforms.transform(layer, p.crs())), base);
        } catch (DataException ex) {
            return ProjectLayer.failed(e, Localization.text("io.layer5", e.title(), ex.getMessage()));
        }
    }

    /**
     * A WFS layer ("wfs:https://…?typeName=…&bbox=…"): every page from the service, its
     * provenance dated; out of reach, the cached copy with a notice; nothing cached, the error.
     */
    private static ProjectLayer wfs(MapProject p, Path base, LayerEntry e) {
        try {
            return withSld(WfsLayers.load(e, WfsLayers.http(), p.crs()), base);
        } catch (fr.bassinminier.atlas.io.ServiceException | IllegalArgumentException ex) {
            return ProjectLayer.failed(e, Localization.text("io.layer5", e.title(), ex.getMessage()));
        }
    }

    /**
     * A PostGIS table or view: source "postgresql://user@host:port/db?schema=…" (no password:
     * ~/.pgpass or PGPASSWORD), layer "table", "schema.table" or "table:geometry_column".
     */
    private static ProjectLayer postgis(MapProject p, Path base, LayerEntry e) {
        if (e.layerName() == null || e.layerName().isBlank()) {
            return ProjectLayer.failed(e, Localization.text("io.layerPostgisTableGiven", e.title()));
        }
        try {
            VectorLayer layer = fr.bassinminier.atlas.io.postgis.PostgisReader.read(
                    fr.bassinminier.atlas.io.postgis.PgSettings.parse(e.source()), null, e.layerName(), null);
            if (!layer.crs().isKnown() || !CrsTransforms.isSupported(layer.crs())) {
                return ProjectLayer.failed(e, Localization.text("io.layerUnknownCoordinateSystem3", e.title(), e.layerName()));
            }
            return withSld(ProjectLayer.loaded(e, CrsTransforms.transform(layer, p.crs())), base);
        } catch (fr.bassinminier.atlas.io.postgis.PostgisException | IllegalArgumentException ex) {
            return ProjectLayer.failed(e, Localization.text("io.layer5", e.title(), ex.getMessage()));
        }
    }
}
