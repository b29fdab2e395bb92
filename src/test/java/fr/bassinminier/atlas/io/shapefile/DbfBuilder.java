package fr.bassinminier.atlas.io.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper writing a dBASE III table byte by byte, names and text in the given charset.
 * Values are given as the text stored in the file ("12", "20240131", "T"), or null for blanks;
 * C values are left-aligned, others right-aligned, as writers do.
 */
public final class DbfBuilder {
    private record Column(String name, char type, int length, int decimals) {
    }

    private final Charset charset;
    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<Boolean> deleted = new ArrayList<>();
    private int languageDriver;
    private Integer declaredCount;

    public DbfBuilder(Charset charset) {
        this.charset = charset;
    }

    public DbfBuilder field(String name, char type, int length, int decimals) {
        columns.add(new Column(name, type, length, decimals));
        return this;
    }

    public DbfBuilder languageDriver(int ldid) {
        this.languageDriver = ldid;
        return this;
    }

    /** Declares another record count in the header than the records written. */
    public DbfBuilder declaredCount(int count) {
        this.declaredCount = count;
        return this;
    }

    public DbfBuilder row(String... values) {
        rows.add(values);
        deleted.add(false);
        return this;
    }

    public DbfBuilder deletedRow(String... values) {
        rows.add(values);
        deleted.add(true);
        return this;
    }

    public byte[] bytes() {
        int headerLength = 32 + 32 * columns.size() + 1;
        int recordLength = 1 + columns.stream().mapToInt(Column::length).sum();
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 3).put(1, (byte) 124).put(2, (byte) 1).put(3, (byte) 1);
        h.putInt(4, declaredCount != null ? declaredCount : rows.size());
        h.putShort(8, (short) headerLength).putShort(10, (short) recordLength);
        h.put(29, (byte) languageDriver);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        for (Column c : columns) {
            byte[] d = new byte[32];
            byte[] name = c.name.getBytes(charset);
            System.arraycopy(name, 0, d, 0, Math.min(10, name.length));
            d[11] = (byte) c.type;
            d[16] = (byte) c.length;
            d[17] = (byte) c.decimals;
            out.writeBytes(d);
        }
        out.write(0x0d);
        for (int r = 0; r < rows.size(); r++) {
            out.write(deleted.get(r) ? '*' : ' ');
            String[] values = rows.get(r);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                byte[] cell = new byte[c.length];
                Arrays.fill(cell, (byte) ' ');
                String v = i < values.length ? values[i] : null;
                if (v != null) {
                    byte[] text = v.getBytes(charset);
                    int n = Math.min(text.length, c.length);
                    int at = c.type == 'C' ? 0 : c.length - n;
                    System.arraycopy(text, 0, cell, at, n);
                }
                out.writeBytes(cell);
            }
        }
        out.write(0x1a);
        return out.toByteArray();
    }

    public Path write(Path dir, String base) throws IOException {
        return Files.write(dir.resolve(base + ".dbf"), bytes());
    }
}
