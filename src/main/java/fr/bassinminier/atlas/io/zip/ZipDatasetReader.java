package fr.bassinminier.atlas.io.zip;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.FormatReader;
import fr.bassinminier.atlas.io.shapefile.ShapefileReader;
import fr.bassinminier.atlas.model.VectorLayer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the shapefiles of a zip archive in place, one layer per .shp, as data.gouv.fr publishes
 * them ("UNESCO - L93 2018/Zone Tampon.shp"…). Layers are named after the .shp without its
 * folder; a name met twice gets a " (2)" suffix.
 *
 * <p>Safety: nothing is written to disk, yet an archive holding an absolute path or a ".."
 * segment is refused as a whole (UNSAFE): such an archive was made to attack whatever extracts
 * it and deserves no trust. Decompressed bytes are counted as they are read, against
 * {@link ZipLimits} (TOO_LARGE, or UNSAFE for a bomb-like compression ratio). macOS metadata
 * ("__MACOSX/", "._x.shp") is skipped.
 *
 * <p>Entry names: UTF-8 (flagged or not), else IBM850, the code page of French Windows' built-in
 * zip tool. IBM850 agrees with the standard's CP437 on every lower-case French letter and on É
 * and Ç, and is right where they differ (À, È, Ê, Â…).
 *
 * <p>One unreadable shapefile fails the whole archive, with a message naming the entry: a
 * silently missing layer would be worse, and there is no warning channel in a Dataset.
 */
public final class ZipDatasetReader implements FormatReader {
    public static final String FORMAT_NAME = "Archive ZIP de shapefiles";
    private static final System.Logger LOG = System.getLogger(ZipDatasetReader.class.getName());
    static final Charset LEGACY_NAMES = Charset.forName("IBM850");

    private final ZipLimits limits;
    private final ShapefileReader shapefiles = new ShapefileReader();

    public ZipDatasetReader() {
        this(ZipLimits.DEFAULT);
    }

    public ZipDatasetReader(ZipLimits limits) {
        this.limits = limits;
    }

    @Override
    public String formatName() {
        return FORMAT_NAME;
    }

    @Override
    public boolean canRead(Path path) {
        if (path == null || path.getFileName() == null) return false;
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    @Override
    public Dataset read(Path path) throws DataException {
        return read(path, w -> LOG.log(System.Logger.Level.WARNING, w));
    }

    public Dataset read(Path path, Consumer<String> warnings) throws DataException {
        if (!Files.isRegularFile(path)) {
            throw new DataException(path, Problem.NOT_FOUND, Localization.get("io.fileFound2"));
        }
        try (ZipFile zip = open(path)) {
            ReadBudget budget = new ReadBudget(limits, path);
            List<Map<String, ZipEntry>> sets = shapefileSets(path, zip, budget);
            if (sets.isEmpty()) {
                throw new DataException(path, Problem.UNSUPPORTED_FORMAT,
                        Localization.get("io.archiveHoldsShapefileShp"));
            }
            List<VectorLayer> layers = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Map<String, ZipEntry> parts : sets) {
                String base = baseName(parts.get("shp").getName());
                VectorLayer layer = shapefiles.readLayer(
                        new ZipShapefileSource(zip, path, base, parts, budget), warnings);
                String name = base;
                for (int k = 2; !names.add(name); k++) name = base + " (" + k + ")";
                if (!name.equals(base)) {
                    layer = new VectorLayer(name, layer.geometryType(), layer.crs(), layer.schema(), layer.features());
                }
                layers.add(layer);
            }
            return new Dataset(path, FORMAT_NAME, layers);
        } catch (IOException e) {
            // Only closing can get here; the data has been read.
            throw new DataException(path, Problem.IO, Localization.get("io.cannotReadArchive"), e);
        }
    }

    private static ZipFile open(Path path) throws DataException {
        try {
            try {
                return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
            } catch (ZipException notUtf8) {
                // Java refuses names that are not valid in the given charset: try the legacy one.
                return new ZipFile(path.toFile(), LEGACY_NAMES);
            }
        } catch (ZipException e) {
            throw new DataException(path, Problem.CORRUPT, Localization.get("io.unreadableDamagedZipArchive"), e);
        } catch (AccessDeniedException e) {
            throw new DataException(path, Problem.IO, Localization.get("io.accessDenied"), e);
        } catch (IOException e) {
            throw new DataException(path, Problem.IO, Localization.get("io.cannotReadArchive"), e);
        }
    }

    /** The parts of each shapefile set, by lower-case extension, in archive order of the .shp. */
    private List<Map<String, ZipEntry>> shapefileSets(Path path, ZipFile zip, ReadBudget budget)
            throws DataException {
        Map<String, Map<String, ZipEntry>> groups = new LinkedHashMap<>();
        List<String> shpKeys = new ArrayList<>();
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new DataException(path, Problem.TOO_LARGE, Localization.text("io.archiveHoldsMoreThan", limits.maxEntries()));
            }
            String name = e.getName().replace('\\', '/');
            if (isUnsafe(name)) {
                throw new DataException(path, Problem.UNSAFE, Localization.text("io.archiveHoldsDangerousPath", e.getName()));
            }
            if (e.isDirectory() || isMacMetadata(name)) continue;
            int slash = name.lastIndexOf('/');
            String file = name.substring(slash + 1);
            int dot = file.lastIndexOf('.');
            if (dot <= 0) continue;
            String ext = file.substring(dot + 1).toLowerCase(Locale.ROOT);
            String key = name.substring(0, slash + 1) + file.substring(0, dot).toLowerCase(Locale.ROOT);
            Map<String, ZipEntry> parts = groups.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (parts.putIfAbsent(ext, e) == null && ext.equals("shp")) {
                shpKeys.add(key);
                budget.checkDeclared(e);
            }
        }
        List<Map<String, ZipEntry>> sets = new ArrayList<>();
        for (String key : shpKeys) sets.add(groups.get(key));
        return sets;
    }

    static boolean isUnsafe(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return true;
        for (String segment : name.split("/")) {
            if (segment.equals("..")) return true;
        }
        return name.indexOf('\0') >= 0;
    }

    private static boolean isMacMetadata(String name) {
        if (name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")) return true;
        return name.substring(name.lastIndexOf('/') + 1).startsWith("._");
    }

    private static String baseName(String entryName) {
        String file = entryName.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
