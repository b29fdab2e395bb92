package fr.bassinminier.atlas.io.shapefile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Small stream helpers: sources may return short reads (an inflating archive stream does). */
final class PartIO {
    private PartIO() {
    }

    /** Reads until len bytes or the end of the stream; returns how many were read. */
    static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    /** The whole stream if it holds at most max bytes, else null (reads at most max + 1 bytes). */
    static byte[] readSmall(InputStream in, int max) throws IOException {
        byte[] all = in.readNBytes(max + 1);
        return all.length > max ? null : all;
    }

    /**
     * A stream whose bulk reads fill the buffer unless the end is reached. javadbf reads fields
     * with a single read(byte[]) and takes a short read for the end of the file.
     */
    static final class FullReads extends FilterInputStream {
        FullReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = readFully(in, b, off, len);
            return n == 0 ? -1 : n;
        }
    }
}
