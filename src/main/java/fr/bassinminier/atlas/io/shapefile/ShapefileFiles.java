package fr.bassinminier.atlas.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A shapefile set on disk: the files beside a .shp that share its base name. */
public final class ShapefileFiles implements ShapefileSource {
    private final Path shp;
    private final String baseName;
    private final Map<String, Path> parts = new HashMap<>();

    /**
     * Finds the parts beside the given .shp. An exact base name wins over one differing only
     * in case, so that "a.dbf" is taken before "A.dbf" for "a.shp" when both exist.
     */
    public ShapefileFiles(Path shp) throws IOException {
        this.shp = shp;
        String fileName = shp.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        this.baseName = dot > 0 ? fileName.substring(0, dot) : fileName;
        Path dir = shp.toAbsolutePath().getParent();
        Map<String, Path> caseless = new HashMap<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir)) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                int d = n.lastIndexOf('.');
                if (d <= 0 || !Files.isRegularFile(p)) continue;
                String base = n.substring(0, d);
                String ext = n.substring(d + 1).toLowerCase(Locale.ROOT);
                if (base.equals(baseName)) {
                    parts.put(ext, p);
                } else if (base.equalsIgnoreCase(baseName)) {
                    caseless.putIfAbsent(ext, p);
                }
            }
        }
        caseless.forEach(parts::putIfAbsent);
        parts.put("shp", shp);
    }

    @Override
    public String baseName() {
        return baseName;
    }

    @Override
    public Path location() {
        return shp;
    }

    @Override
    public String partName(String extension) {
        Path p = parts.get(extension);
        return p != null ? p.getFileName().toString() : baseName + "." + extension;
    }

    @Override
    public boolean has(String extension) {
        return parts.containsKey(extension);
    }

    @Override
    public long size(String extension) throws IOException {
        Path p = parts.get(extension);
        if (p == null) throw new IOException("no ." + extension);
        return Files.size(p);
    }

    /** The file of a part, or null when the set has none. */
    Path path(String extension) {
        return parts.get(extension);
    }

    @Override
    public InputStream open(String extension) throws IOException {
        Path p = parts.get(extension);
        if (p == null) throw new IOException("no ." + extension);
        return Files.newInputStream(p);
    }
}
