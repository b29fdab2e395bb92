package fr.bassinminier.atlas.io.zip;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;

/**
 * Counts the bytes inflated from one archive and stops reading past {@link ZipLimits}. A refusal
 * is thrown as an IOException whose cause is the DataException for the user, which the
 * shapefile reader passes on (see {@link fr.bassinminier.atlas.io.shapefile.ShapefileSource}).
 */
final class ReadBudget {
    private final ZipLimits limits;
    private final Path archive;
    /** Largest number of bytes any single pass has read from each entry. */
    private final Map<String, Long> readPerEntry = new HashMap<>();
    private long total;

    ReadBudget(ZipLimits limits, Path archive) {
        this.limits = limits;
        this.archive = archive;
    }

    InputStream guard(ZipEntry entry, InputStream in) {
        return new Counted(entry, in);
    }

    /** Rejects at once an entry whose declared size alone would break the limit. */
    void checkDeclared(ZipEntry entry) throws DataException {
        if (entry.getSize() > limits.maxTotalBytes()) throw tooLarge(entry.getName());
    }

    private void progress(ZipEntry entry, long count) throws IOException {
        long before = readPerEntry.getOrDefault(entry.getName(), 0L);
        if (count <= before) return;
        readPerEntry.put(entry.getName(), count);
        total += count - before;
        if (total > limits.maxTotalBytes()) {
            throw new IOException("zip limit", tooLarge(entry.getName()));
        }
        long compressed = entry.getCompressedSize();
        if (count > limits.ratioCheckAfter() && compressed > 0 && count > compressed * limits.maxRatio()) {
            throw new IOException("zip ratio", new DataException(archive, Problem.UNSAFE, Localization.text("io.decompressesMoreThanTimes", entry.getName(), String.format(Locale.FRANCE, "%.0f", limits.maxRatio()))));
        }
    }

    private DataException tooLarge(String entry) {
        return new DataException(archive, Problem.TOO_LARGE, Localization.text("io.archiveExceedsLimitDecompressed", entry, mebibytes(limits.maxTotalBytes())));
    }

    private static String mebibytes(long bytes) {
        return bytes >= (1L << 30) && bytes % (1L << 30) == 0 ? (bytes >> 30) + " Gio" : ((bytes + (1 << 20) - 1) >> 20) + " Mio";
    }

    private final class Counted extends FilterInputStream {
        private final ZipEntry entry;
        private long count;

        Counted(ZipEntry entry, InputStream in) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) progress(entry, ++count);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                progress(entry, count);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping inflates just the same: count it by reading.
            byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r < 0) break;
                skipped += r;
            }
            return skipped;
        }
    }
}
