package fr.bassinminier.atlas.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Seeded mutations of a valid file's bytes, text, counts and structure. */
final class Mutations {
    private static final int[] LYING_INTS = {0, -1, 1, 0x7fffffff, 0x80000000, 0xffff, 1 << 24, 7};
    private static final double[] BAD_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, -1e308, 1e308, 0, -0.0};

    private Mutations() {
    }

    static byte[] bytes(byte[] b, Random r) {
        int kind = r.nextInt(7);
        byte[] o = b.clone();
        switch (kind) {
            case 0 -> o = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            case 1 -> {
                int flips = 1 + r.nextInt(20);
                for (int i = 0; i < flips && o.length > 0; i++) o[r.nextInt(o.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case 2 -> {
                if (o.length >= 8) {
                    int at = r.nextInt(o.length - 7);
                    ByteBuffer.wrap(o).order(r.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                            .putInt(at, LYING_INTS[r.nextInt(LYING_INTS.length)]);
                }
            }
            case 3 -> {
                if (o.length >= 8) {
                    int at = r.nextInt(o.length - 7);
                    ByteBuffer.wrap(o).order(ByteOrder.LITTLE_ENDIAN).putDouble(at, BAD_DOUBLES[r.nextInt(BAD_DOUBLES.length)]);
                }
            }
            case 4 -> {
                int at = o.length == 0 ? 0 : r.nextInt(o.length);
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                o = concat(Arrays.copyOf(b, at), junk, Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> {
                int at = o.length == 0 ? 0 : r.nextInt(o.length);
                int len = Math.min(o.length - at, 1 + r.nextInt(256));
                byte[] chunk = Arrays.copyOfRange(b, at, at + len);
                ByteArrayOutputStream w = new ByteArrayOutputStream();
                w.write(b, 0, at);
                for (int i = 0; i < 50; i++) w.write(chunk, 0, chunk.length);
                w.write(b, at, b.length - at);
                o = w.toByteArray();
            }
            default -> {
                if (o.length > 0) {
                    int at = r.nextInt(o.length);
                    Arrays.fill(o, at, Math.min(o.length, at + 1 + r.nextInt(512)), (byte) (r.nextBoolean() ? 0 : 0xff));
                }
            }
        }
        return o;
    }

    /** Text-level mutations: bad numbers, deep nesting, huge strings, broken brackets. */
    static byte[] text(byte[] b, Random r, boolean json) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] numbers = {"1e309", "-1e309", "NaN", "1e308", "-0", "99999999999999999999999999999", "1e-400"};
        switch (r.nextInt(7)) {
            case 0 -> s = s.replaceFirst("\\d+\\.\\d+", numbers[r.nextInt(numbers.length)]);
            case 1 -> {
                int at = r.nextInt(s.length());
                int depth = 500 + r.nextInt(5000);
                String open = json ? "[" : "<a>";
                String close = json ? "]" : "</a>";
                s = s.substring(0, at) + open.repeat(depth) + close.repeat(r.nextBoolean() ? depth : depth / 2) + s.substring(at);
            }
            case 2 -> {
                int at = s.indexOf('"', r.nextInt(s.length()));
                if (at < 0) at = 0;
                s = s.substring(0, at + 1) + "x".repeat(1 << (16 + r.nextInt(6))) + s.substring(at + 1);
            }
            case 3 -> s = s.replace(json ? "}" : ">", "");
            case 4 -> s = s.replaceFirst(json ? "\\[" : "<", json ? "{" : "<<");
            case 5 -> s = s.replaceAll("[0-9]", String.valueOf(r.nextInt(10)));
            default -> s = json ? s.replace("\"features\":[", "\"features\":[1,null,\"x\",") : s.replace("<", "<!-- -->" + "<");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Lying counts in a shapefile record or header (numParts, numPoints, lengths, record count). */
    static byte[] shpCounts(byte[] b, Random r) {
        byte[] o = b.clone();
        if (o.length < 120) return bytes(b, r);
        ByteBuffer le = ByteBuffer.wrap(o).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(o).order(ByteOrder.BIG_ENDIAN);
        int v = LYING_INTS[r.nextInt(LYING_INTS.length)];
        switch (r.nextInt(5)) {
            case 0 -> be.putInt(24, v); // file length
            case 1 -> be.putInt(104, v); // first record's content length
            case 2 -> le.putInt(100 + 8 + 36, v); // numParts
            case 3 -> le.putInt(100 + 8 + 40, v); // numPoints
            default -> le.putInt(4, v); // dbf: record count
        }
        return o;
    }

    /** SQLite files: mutations kept away from the 100-byte header half of the time. */
    static byte[] sqlite(byte[] b, Random r) {
        if (r.nextBoolean() || b.length < 4096) return bytes(b, r);
        byte[] o = b.clone();
        int flips = 1 + r.nextInt(40);
        for (int i = 0; i < flips; i++) o[100 + r.nextInt(o.length - 100)] ^= (byte) (1 << r.nextInt(8));
        return o;
    }

    /** A workbook with one XML part mutated (text or bytes), re-zipped soundly; or the zip bytes mutated. */
    static byte[] xlsx(byte[] b, Random r) {
        if (r.nextInt(4) == 0) return bytes(b, r);
        try {
            Map<String, byte[]> parts = parts(b);
            String[] names = parts.keySet().toArray(new String[0]);
            String victim = names[r.nextInt(names.length)];
            parts.put(victim, r.nextBoolean() ? text(parts.get(victim), r, false) : bytes(parts.get(victim), r));
            ByteArrayOutputStream w = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(w)) {
                for (var e : parts.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            return w.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a zip (through ZipFile: fastexcel's entries confuse ZipInputStream). */
    static Map<String, byte[]> parts(byte[] zip) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("atlas-corpus", ".zip");
        try {
            java.nio.file.Files.write(tmp, zip);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    try (var in = z.getInputStream(e)) {
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            return parts;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        for (byte[] p : parts) w.write(p, 0, p.length);
        return w.toByteArray();
    }
}
