package fr.bassinminier.atlas.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Draws the dots of sub-pixel features straight into the pixels of an image, instead of one
 * antialiased Java2D fill per dot: at small scales a layer of 500,000 buildings is 500,000 dots.
 * A dot is a square of the given size at a fractional position; each pixel it touches gets the
 * colour with the part of the pixel it covers, blended over what is there (source-over), which
 * is what the antialiased fill of the same square gives, within rounding.
 *
 * <p>Only for 32-bit images (ARGB, premultiplied ARGB, RGB) drawn with no transform; the rows
 * may be limited to a band, for renders split between threads.
 */
final class DotRaster {
    private final int[] data;
    private final int width;
    private final int stride;
    private final int offset;
    private final int rowMin;
    private final int rowMax;
    private final boolean premultiplied;
    private final boolean opaque;

    private DotRaster(int[] data, int width, int stride, int offset, int rowMin, int rowMax, int type) {
        this.data = data;
        this.width = width;
        this.stride = stride;
        this.offset = offset;
        this.rowMin = rowMin;
        this.rowMax = rowMax;
        this.premultiplied = type == BufferedImage.TYPE_INT_ARGB_PRE;
        this.opaque = type == BufferedImage.TYPE_INT_RGB;
    }

    /** Direct access to the rows [rowMin, rowMax) of the image, or null when its layout is not one of ours. */
    static DotRaster of(BufferedImage img, int rowMin, int rowMax) {
        int type = img.getType();
        if (type != BufferedImage.TYPE_INT_ARGB && type != BufferedImage.TYPE_INT_ARGB_PRE
                && type != BufferedImage.TYPE_INT_RGB) return null;
        if (!(img.getRaster().getDataBuffer() instanceof DataBufferInt db)
                || !(img.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || img.getRaster().getSampleModelTranslateX() != 0 || img.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return new DotRaster(db.getData(), img.getWidth(), sm.getScanlineStride(), db.getOffset(),
                Math.max(0, rowMin), Math.min(img.getHeight(), rowMax), type);
    }

    /**
     * A square of side {@code size} pixels with its top-left corner at (x, y), in colour c with
     * its alpha multiplied by {@code opacity}.
     */
    void square(double x, double y, double size, Color c, double opacity) {
        double alpha = c.getAlpha() / 255.0 * opacity;
        if (!(alpha > 0)) return;
        double x1 = x + size;
        double y1 = y + size;
        int px0 = Math.max(0, (int) Math.floor(x));
        int px1 = Math.min(width - 1, (int) Math.ceil(x1) - 1);
        int py0 = Math.max(rowMin, (int) Math.floor(y));
        int py1 = Math.min(rowMax - 1, (int) Math.ceil(y1) - 1);
        if (px0 > px1 || py0 > py1) return;
        int sr = c.getRed();
        int sg = c.getGreen();
        int sb = c.getBlue();
        for (int py = py0; py <= py1; py++) {
            double cy = Math.min(y1, py + 1) - Math.max(y, py);
            int row = offset + py * stride;
            for (int px = px0; px <= px1; px++) {
                double cx = Math.min(x1, px + 1) - Math.max(x, px);
                double a = alpha * cx * cy;
                if (a >= 1.0 / 512) blend(row + px, sr, sg, sb, a);
            }
        }
    }

    private void blend(int i, int sr, int sg, int sb, double a) {
        int d = data[i];
        int dr = (d >> 16) & 0xff;
        int dg = (d >> 8) & 0xff;
        int db = d & 0xff;
        if (opaque) {
            data[i] = 0xff000000 | mix(sr, dr, a) << 16 | mix(sg, dg, a) << 8 | mix(sb, db, a);
            return;
        }
        int da = d >>> 24;
        if (premultiplied) {
            double k = 1 - a;
            int oa = (int) (a * 255 + da * k + 0.5);
            data[i] = oa << 24 | (int) (sr * a + dr * k + 0.5) << 16 | (int) (sg * a + dg * k + 0.5) << 8
                    | (int) (sb * a + db * k + 0.5);
            return;
        }
        if (da == 255) {
            data[i] = 0xff000000 | mix(sr, dr, a) << 16 | mix(sg, dg, a) << 8 | mix(sb, db, a);
            return;
        }
        double dA = da / 255.0;
        double oA = a + dA * (1 - a);
        if (oA <= 0) return;
        double w = dA * (1 - a);
        data[i] = (int) (oA * 255 + 0.5) << 24 | (int) ((sr * a + dr * w) / oA + 0.5) << 16
                | (int) ((sg * a + dg * w) / oA + 0.5) << 8 | (int) ((sb * a + db * w) / oA + 0.5);
    }

    private static int mix(int s, int d, double a) {
        return (int) (s * a + d * (1 - a) + 0.5);
    }
}
