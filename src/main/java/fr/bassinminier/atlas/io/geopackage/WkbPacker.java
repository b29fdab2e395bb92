package fr.bassinminier.atlas.io.geopackage;

import fr.bassinminier.atlas.model.PackedGeometry;

/**
 * Decodes WKB (ISO and EWKB flavours of Z and M) straight into a {@link PackedGeometry}: points,
 * lines, polygons and their multi- forms. Anything else (collections, curves) or anything
 * malformed returns false, and the caller falls back to JTS, which gives the proper message.
 */
final class WkbPacker {
    private WkbPacker() {
    }

    static boolean pack(byte[] b, int offset, PackedGeometry out) {
        try {
            Reader r = new Reader(b, offset);
            int type = r.header();
            int base = type % 1000;
            int dim = switch (base) {
                case 1, 4 -> 0;
                case 2, 5 -> 1;
                case 3, 6 -> 2;
                default -> -1;
            };
            if (dim < 0) return false;
            out.reset(dim);
            if (base <= 3) return single(r, base, out);
            int n = r.count();
            for (int i = 0; i < n; i++) {
                int part = r.header() % 1000;
                if (part != base - 3 || !single(r, part, out)) return false;
            }
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static boolean single(Reader r, int base, PackedGeometry out) {
        switch (base) {
            case 1 -> {
                double x = r.d();
                double y = r.d();
                r.skipExtra();
                if (Double.isNaN(x)) return true; // empty point
                out.startPart();
                out.add(x, y);
            }
            case 2 -> ring(r, out);
            case 3 -> {
                int rings = r.count();
                for (int i = 0; i < rings; i++) ring(r, out);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void ring(Reader r, PackedGeometry out) {
        int n = r.count();
        if (n == 0) return;
        out.startPart();
        for (int i = 0; i < n; i++) {
            double x = r.d();
            double y = r.d();
            r.skipExtra();
            out.add(x, y);
        }
    }

    /** A cursor over WKB, its byte order and extra ordinates set by the last header read. */
    private static final class Reader {
        private final byte[] b;
        private int p;
        private boolean little;
        private int extra;

        Reader(byte[] b, int offset) {
            this.b = b;
            this.p = offset;
        }

        /** Byte order and type code; the base type plus 1000/2000/3000 for Z/M/ZM. */
        int header() {
            little = b[p++] == 1;
            long t = u32();
            int iso = (int) (t & 0x0fffffff);
            boolean z = (t & 0x80000000L) != 0 || iso / 1000 == 1 || iso / 1000 == 3;
            boolean m = (t & 0x40000000L) != 0 || iso / 1000 == 2 || iso / 1000 == 3;
            extra = (z ? 1 : 0) + (m ? 1 : 0);
            if ((t & 0x20000000L) != 0) p += 4; // EWKB srid
            return iso % 1000;
        }

        int count() {
            long n = u32();
            if (n > (b.length - p) / 8 + 1) throw new IndexOutOfBoundsException("count " + n);
            return (int) n;
        }

        double d() {
            long v = 0;
            if (little) {
                for (int i = 7; i >= 0; i--) v = (v << 8) | (b[p + i] & 0xff);
            } else {
                for (int i = 0; i < 8; i++) v = (v << 8) | (b[p + i] & 0xff);
            }
            if (p + 8 > b.length) throw new IndexOutOfBoundsException();
            p += 8;
            return Double.longBitsToDouble(v);
        }

        void skipExtra() {
            p += 8 * extra;
        }

        private long u32() {
            long v;
            if (little) {
                v = (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
            } else {
                v = (b[p + 3] & 0xffL) | (b[p + 2] & 0xffL) << 8 | (b[p + 1] & 0xffL) << 16 | (b[p] & 0xffL) << 24;
            }
            p += 4;
            return v;
        }
    }
}
