package fr.bassinminier.atlas.io.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper writing .shp and .shx byte by byte from the ESRI white paper, independently of
 * the reader under test. Coordinates are given as {x, y} or {x, y, z} arrays; parts of lines
 * and polygons are given as they should be stored (rings closed or not, in the order wanted).
 */
public final class ShpBuilder {
    private final int shapeType;
    private final List<byte[]> records = new ArrayList<>();

    public ShpBuilder(int shapeType) {
        this.shapeType = shapeType;
    }

    public ShpBuilder nullShape() {
        return raw(le(4).putInt(0).array());
    }

    public ShpBuilder point(double x, double y) {
        return raw(le(20).putInt(1).putDouble(x).putDouble(y).array());
    }

    /** A PointZ with its M. */
    public ShpBuilder pointZ(double x, double y, double z) {
        return raw(le(36).putInt(11).putDouble(x).putDouble(y).putDouble(z).putDouble(0).array());
    }

    public ShpBuilder multiPoint(double[]... points) {
        ByteBuffer b = le(40 + 16 * points.length).putInt(8);
        bbox(b, points);
        b.putInt(points.length);
        for (double[] p : points) b.putDouble(p[0]).putDouble(p[1]);
        return raw(b.array());
    }

    /** A PolyLine (3), Polygon (5), their Z (13, 15: with Z and M arrays) or M (23, 25) variants. */
    public ShpBuilder parts(int type, double[][]... parts) {
        boolean z = type == 13 || type == 15;
        boolean m = z || type == 23 || type == 25;
        int n = 0;
        for (double[][] p : parts) n += p.length;
        int length = 44 + 4 * parts.length + 16 * n + (z ? 16 + 8 * n : 0) + (m ? 16 + 8 * n : 0);
        ByteBuffer b = le(length).putInt(type);
        List<double[]> all = new ArrayList<>();
        for (double[][] p : parts) all.addAll(List.of(p));
        bbox(b, all.toArray(new double[0][]));
        b.putInt(parts.length).putInt(n);
        int start = 0;
        for (double[][] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (double[] p : all) b.putDouble(p[0]).putDouble(p[1]);
        if (z) {
            b.putDouble(0).putDouble(0);
            for (double[] p : all) b.putDouble(p.length > 2 ? p[2] : 0);
        }
        if (m) {
            b.putDouble(0).putDouble(0);
            for (int i = 0; i < n; i++) b.putDouble(i);
        }
        return raw(b.array());
    }

    /** A record with the given content, shape type included. */
    public ShpBuilder raw(byte[] content) {
        records.add(content);
        return this;
    }

    public byte[] shp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 100;
        for (byte[] r : records) length += 8 + r.length;
        out.writeBytes(header(length));
        int number = 1;
        for (byte[] r : records) {
            out.writeBytes(ByteBuffer.allocate(8).putInt(number++).putInt(r.length / 2).array());
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    public byte[] shx() {
        ByteBuffer b = ByteBuffer.allocate(100 + 8 * records.size());
        b.put(header(100 + 8 * records.size()));
        int offset = 100;
        for (byte[] r : records) {
            b.putInt(offset / 2).putInt(r.length / 2);
            offset += 8 + r.length;
        }
        return b.array();
    }

    /** Writes base.shp and base.shx in dir; returns the .shp. */
    public Path write(Path dir, String base) throws IOException {
        Files.write(dir.resolve(base + ".shx"), shx());
        return Files.write(dir.resolve(base + ".shp"), shp());
    }

    private byte[] header(int lengthBytes) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, lengthBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        return b.array();
    }

    private static void bbox(ByteBuffer b, double[][] points) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        b.putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
