package fr.bassinminier.atlas.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sqlite.SQLiteConfig;

/**
 * The date a data source states for itself, so that a report can say how recent the perimeters it
 * used are: a GeoPackage's {@code gpkg_contents.last_change}, the "last update" date of a dbf
 * header (shapefiles, also inside a zip), else the file's modification date. Never fails: a
 * source without any date gives null.
 */
public final class SourceDates {
    /**
     * @param date   ISO date (yyyy-MM-dd)
     * @param origin where the date comes from, in French ("métadonnées GeoPackage (last_change)")
     */
    public record SourceDate(String date, String origin) {
    }

    private SourceDates() {
    }

    public static SourceDate of(Path file, String layerName) {
        if (file == null || !Files.isRegularFile(file)) return null;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        SourceDate d = null;
        try {
            if (name.endsWith(".gpkg")) d = geoPackage(file, layerName);
            else if (name.endsWith(".shp") || name.endsWith(".dbf")) d = dbf(sibling(file, ".dbf"));
            else if (name.endsWith(".zip")) d = zip(file, layerName);
        } catch (IOException | SQLException | RuntimeException e) {
            d = null; // fall back on the file date: a date is a courtesy, never a reason to fail
        }
        return d != null ? d : fileDate(file);
    }

    private static SourceDate fileDate(Path file) {
        try {
            LocalDate day = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
            return new SourceDate(day.toString(), "date du fichier");
        } catch (IOException e) {
            return null;
        }
    }

    private static SourceDate geoPackage(Path file, String layer) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement st = c.prepareStatement(layer == null
                     ? "SELECT max(last_change) FROM gpkg_contents"
                     : "SELECT last_change FROM gpkg_contents WHERE table_name = ?")) {
            if (layer != null) st.setString(1, layer);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                String v = rs.getString(1);
                if (v == null || v.length() < 10) return null;
                LocalDate.parse(v.substring(0, 10));
                return new SourceDate(v.substring(0, 10), "métadonnées GeoPackage (last_change)");
            }
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Path sibling(Path shp, String ext) {
        String n = shp.getFileName().toString();
        String base = n.substring(0, n.lastIndexOf('.'));
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = shp.resolveSibling(base + e);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static SourceDate dbf(Path dbf) throws IOException {
        if (dbf == null) return null;
        try (InputStream in = Files.newInputStream(dbf)) {
            return dbfHeader(in.readNBytes(4));
        }
    }

    /** Bytes 1–3 of a dbf header: year since 1900, month, day of the last update. */
    private static SourceDate dbfHeader(byte[] head) {
        if (head.length < 4) return null;
        try {
            LocalDate d = LocalDate.of(1900 + (head[1] & 0xff), head[2] & 0xff, head[3] & 0xff);
            // Writers that leave the date at zero or put nonsense in it: no date rather than a wrong one.
            if (d.getYear() < 1980 || d.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) return null;
            return new SourceDate(d.toString(), "en-tête du fichier .dbf");
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static SourceDate zip(Path file, String layer) throws IOException {
        if (layer == null) return null;
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String n = e.getName().replace('\\', '/');
                n = n.substring(n.lastIndexOf('/') + 1);
                if (!n.equalsIgnoreCase(layer + ".dbf")) continue;
                try (InputStream in = z.getInputStream(e)) {
                    SourceDate d = dbfHeader(in.readNBytes(4));
                    if (d != null) return d;
                }
                if (e.getLastModifiedTime() != null) {
                    LocalDate day = LocalDate.ofInstant(e.getLastModifiedTime().toInstant(), ZoneOffset.UTC);
                    return new SourceDate(day.toString(), "date du fichier dans l'archive zip");
                }
            }
        }
        return null;
    }
}
