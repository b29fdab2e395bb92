package fr.bassinminier.atlas.io.shapefile;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random reads of a file through one block of it held on the heap, loaded by positional reads
 * when a read falls outside it. A streamed shapefile is read in record order, so a block serves
 * thousands of records. Not mapped: a mapped file counts in the process's resident memory as it
 * is read (a 500,000-footprint .shp added its 104 MB), a block does not. One per thread; the file
 * is opened on the first read and closed with the reader. Failures are {@link UncheckedIOException}s.
 */
final class BlockReader implements Closeable {
    private final Path path;
    private final long size;
    private final byte[] block;
    private final ByteBuffer little;
    private final ByteBuffer big;
    private FileChannel channel;
    private long start;
    private int valid;

    BlockReader(Path path, long size, int blockSize) {
        this.path = path;
        this.size = size;
        this.block = new byte[blockSize];
        this.little = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        this.big = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
    }

    long size() {
        return size;
    }

    int intLE(long pos) {
        return little.getInt(at(pos, 4));
    }

    int intBE(long pos) {
        return big.getInt(at(pos, 4));
    }

    double doubleLE(long pos) {
        return little.getDouble(at(pos, 8));
    }

    byte get(long pos) {
        return block[at(pos, 1)];
    }

    void get(long pos, byte[] dst, int off, int len) {
        if (len > block.length) {
            check(pos, len);
            read(ByteBuffer.wrap(dst, off, len), pos);
            return;
        }
        System.arraycopy(block, at(pos, len), dst, off, len);
    }

    /** The index in the block of {@code pos}, with {@code len} bytes from it loaded. */
    private int at(long pos, int len) {
        if (pos < start || pos + len > start + valid) {
            check(pos, len);
            ByteBuffer b = ByteBuffer.wrap(block, 0, (int) Math.min(block.length, size - pos));
            read(b, pos);
            start = pos;
            valid = b.position();
        }
        return (int) (pos - start);
    }

    private void check(long pos, int len) {
        if (pos < 0 || len < 0 || pos + len > size) {
            throw new IndexOutOfBoundsException(Localization.text("io.bytesOutsideFile", pos, pos + len, size));
        }
    }

    private void read(ByteBuffer b, long pos) {
        try {
            if (channel == null) channel = FileChannel.open(path, StandardOpenOption.READ);
            long p = pos;
            while (b.hasRemaining()) {
                int n = channel.read(b, p);
                if (n < 0) throw new IOException(Localization.text("io.fileEndedEarly", p));
                p += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // reading is over; nothing was written
        }
        channel = null;
    }
}
