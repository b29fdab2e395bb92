package fr.bassinminier.atlas.io.zip;

import fr.bassinminier.atlas.io.shapefile.ShapefileSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One shapefile set inside an archive, read in place: nothing is extracted to disk. */
final class ZipShapefileSource implements ShapefileSource {
    private final ZipFile zip;
    private final Path archive;
    private final String baseName;
    private final Map<String, ZipEntry> parts;
    private final ReadBudget budget;

    ZipShapefileSource(ZipFile zip, Path archive, String baseName, Map<String, ZipEntry> parts, ReadBudget budget) {
        this.zip = zip;
        this.archive = archive;
        this.baseName = baseName;
        this.parts = parts;
        this.budget = budget;
    }

    @Override
    public String baseName() {
        return baseName;
    }

    @Override
    public Path location() {
        return archive;
    }

    @Override
    public String partName(String extension) {
        ZipEntry e = parts.get(extension);
        if (e != null) return e.getName();
        ZipEntry shp = parts.get("shp");
        String name = shp.getName();
        return name.substring(0, name.length() - 3) + extension;
    }

    @Override
    public boolean has(String extension) {
        return parts.containsKey(extension);
    }

    @Override
    public long size(String extension) {
        return -1;
    }

    @Override
    public InputStream open(String extension) throws IOException {
        ZipEntry e = parts.get(extension);
        if (e == null) throw new IOException("no ." + extension);
        return budget.guard(e, zip.getInputStream(e));
    }
}
