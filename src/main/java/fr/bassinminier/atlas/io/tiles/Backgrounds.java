package fr.bassinminier.atlas.io.tiles;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.model.tiles.Basemap;
import fr.bassinminier.atlas.model.tiles.Basemaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Backgrounds by name, for the window's menu, its saved setting and the command line: a preset
 * ("plan-ign", "plan-ign-gris", "photos", "parcelles"), "aucun", an .mbtiles/.gpkg pack, or an
 * XYZ template. The Géoplateforme endpoint can be changed with -Datlas.wmts.url (a local test
 * server for screenshots and tests). All share one disk cache in the user's cache folder.
 */
public final class Backgrounds {
    public static final String NONE = "aucun";
    private static DiskTileCache shared;
    private static boolean sharedFailed;

    private Backgrounds() {
    }

    /** The WMTS endpoint of the presets. */
    public static String endpoint() {
        String p = System.getProperty("atlas.wmts.url");
        return p != null && !p.isBlank() ? p : Basemaps.GEOPLATEFORME_WMTS;
    }

    /** The shared disk cache, or null when it cannot be opened (the map then works without it). */
    public static synchronized DiskTileCache sharedCache() {
        if (shared == null && !sharedFailed) {
            try {
                long limit = DiskTileCache.DEFAULT_LIMIT;
                String mb = System.getProperty("atlas.cacheMb");
                if (mb != null) limit = Long.parseLong(mb.trim()) * 1024 * 1024;
                shared = new DiskTileCache(DiskTileCache.defaultFolder().resolve("tiles.sqlite"), limit);
            } catch (IOException | RuntimeException e) {
                sharedFailed = true;
            }
        }
        return shared;
    }

    /** The background a name designates, or empty for "aucun". */
    public static Optional<Basemap> resolve(String name) throws ServiceException {
        if (name == null || name.isBlank() || NONE.equalsIgnoreCase(name.trim())) return Optional.empty();
        String n = name.trim();
        Optional<Basemap> preset = Basemaps.preset(n.toLowerCase(Locale.ROOT), endpoint());
        if (preset.isPresent()) return preset;
        if (n.contains("{z}")) return Optional.of(Basemaps.xyz(n, "© " + hostOf(n), 19));
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mbtiles") || lower.endsWith(".gpkg")) {
            try (TileSource s = TilePacks.open(Path.of(n))) {
                return Optional.of(s.basemap());
            }
        }
        throw new ServiceException(Localization.text("io.background", n), ServiceException.Problem.NOT_FOUND,
                Localization.get("io.unknownChoosePlanIgn"));
    }

    /** A tile service for a background, through the shared disk cache. */
    public static TileService service(Basemap b) throws ServiceException {
        return new TileService(TilePacks.source(b, sharedCache()), TileService.DEFAULT_PARALLELISM);
    }

    private static String hostOf(String template) {
        String s = template.replaceFirst("^[a-zA-Z]+://", "");
        int slash = s.indexOf('/');
        return slash > 0 ? s.substring(0, slash) : s;
    }
}
