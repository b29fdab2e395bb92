package fr.bassinminier.atlas.print.pdf;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * The content stream of a {@link PdfCanvas}: one form XObject whose operators are written as
 * they come, deflated on the fly (the document holds only the compressed bytes), with the
 * graphics state PDF keeps (colours, alpha, line width, cap, join, miter, dash, clip) emitted
 * only when it changes. A fill followed by the outline of the same path becomes one path
 * painted by {@code B}/{@code B*}. Coordinates are integers in hundredths of a point (the form
 * starts with {@code 0.01 0 0 -0.01 0 H cm}: y down, as Java2D), far finer than the renderer's
 * own simplification (an eighth of a point).
 *
 * <p>What this class does not write itself (text, images, gradients, other composites) is drawn
 * by PDFBox's Graphics2D into a form of its own, placed at that point of the stream.
 */
final class PdfContent {
    /** Output units per point. */
    static final double UNITS = 100;
    private static final int BUFFER = 1 << 16;
    private static final byte[] DIGITS = "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final PDDocument doc;
    private final float width;
    private final float height;
    private final IPdfBoxGraphics2DFontTextDrawer textDrawer;
    private final PDFormXObject form;
    private final PDResources resources = new PDResources();
    private final OutputStream sink;
    private final Deflater deflater;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    /** Measures text as PDFBox's Graphics2D does (the same font metrics as before); never drawn. */
    final PdfBoxGraphics2D measure;
    private boolean finished;

    // What the stream has set, as last emitted (NaN or -1: unknown, must be written).
    private final State em = new State();
    private State saved;
    /** The clip emitted by the open q … Q group (null: no group open, nothing clipped). */
    private List<Shape> emittedClip;
    private final Map<Long, COSName> alphaStates = new HashMap<>();

    // A fill not yet painted: if the outline of the same path follows, both go out as one B.
    private final Scratch pendingPath = new Scratch();
    private final Scratch strokePath = new Scratch();
    private boolean pending;
    private int pendingRgb;
    private double pendingAlpha;
    private boolean pendingEvenOdd;
    private List<Shape> pendingClip;

    // PDFBox's Graphics2D for what is not written here, open until the next operator of ours.
    private PdfBoxGraphics2D fallback;
    private List<Shape> fallbackClip;
    private int fallbacks;

    PdfContent(PDDocument doc, float width, float height, IPdfBoxGraphics2DFontTextDrawer textDrawer)
            throws IOException {
        this.doc = doc;
        this.width = width;
        this.height = height;
        this.textDrawer = textDrawer;
        PDStream stream = new PDStream(doc);
        form = new PDFormXObject(stream);
        form.setBBox(new PDRectangle(width, height));
        form.setResources(resources);
        stream.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
        // Level 1: several times faster than the default on these repetitive operators, for a
        // file about a quarter larger.
        deflater = new Deflater(1);
        sink = new DeflaterOutputStream(stream.getCOSObject().createRawOutputStream(), deflater, BUFFER);
        measure = new PdfBoxGraphics2D(doc, width, height);
        if (textDrawer != null) measure.setFontTextDrawer(textDrawer);
        number(1 / UNITS).text(" 0 0 ").number(-1 / UNITS).text(" 0 ").number(height).text(" cm\n");
    }

    PDFormXObject form() {
        return form;
    }

    /** How many forms PDFBox's Graphics2D drew (text, images…), for tests. */
    int fallbacks() {
        return fallbacks;
    }

    // ---- painting ------------------------------------------------------------------------

    /** A fill of a shape in a plain colour; kept pending in case its outline follows. */
    void fill(Shape s, AffineTransform tx, List<Shape> clip, Color c, double alpha) {
        flushPending();
        closeFallback();
        pendingRgb = c.getRGB() & 0xffffff;
        pendingAlpha = alpha;
        pendingClip = clip;
        // A large path (a layer's dots) goes out as it is walked rather than held: it is not an outline's twin.
        pendingPath.owner = this;
        boolean drawn = pendingPath.path(s, tx, true);
        pendingPath.owner = null;
        pendingEvenOdd = pendingPath.evenOdd;
        if (pendingPath.spilled) {
            pendingPath.spilled = false;
            write(pendingPath.bytes, pendingPath.length);
            text(pendingEvenOdd ? "f*\n" : "f\n");
            return;
        }
        pending = drawn;
    }

    /** Sends out what a large fill has walked so far, after the state it needs. */
    private void spill(Scratch s) {
        if (!s.spilled) {
            s.spilled = true;
            clip(pendingClip);
            setFill(pendingRgb, pendingAlpha);
        }
        write(s.bytes, s.length);
        s.length = 0;
    }

    /** The outline of a shape with a BasicStroke (its width already in points). */
    void stroke(Shape s, AffineTransform tx, List<Shape> clip, Color c, double alpha, BasicStroke bs, double scale) {
        closeFallback();
        if (!strokePath.path(s, tx, false)) {
            flushPending();
            return;
        }
        boolean merge = pending && pendingClip == clip && pendingPath.sameAs(strokePath);
        if (!merge) flushPending();
        clip(clip);
        if (merge) {
            setFill(pendingRgb, pendingAlpha);
            pending = false;
        }
        setStroke(c.getRGB() & 0xffffff, alpha, bs, scale);
        write(strokePath.bytes, strokePath.length);
        text(merge ? (pendingEvenOdd ? "B*\n" : "B\n") : "S\n");
    }

    private void flushPending() {
        if (!pending) return;
        pending = false;
        clip(pendingClip);
        setFill(pendingRgb, pendingAlpha);
        write(pendingPath.bytes, pendingPath.length);
        text(pendingEvenOdd ? "f*\n" : "f\n");
    }

    // ---- state ---------------------------------------------------------------------------

    private void clip(List<Shape> clip) {
        if (clip == emittedClip || clip != null && clip.equals(emittedClip)) return;
        if (emittedClip != null) {
            text("Q\n");
            em.copyFrom(saved);
        }
        emittedClip = clip;
        if (clip == null) return;
        saved = em.copy();
        text("q\n");
        Scratch s = new Scratch();
        for (Shape c : clip) {
            if (s.path(c, null, true)) {
                write(s.bytes, s.length);
            } else {
                text("0 0 m h\n"); // an empty clip hides everything
            }
            text(s.evenOdd ? "W* n\n" : "W n\n");
        }
    }

    private void setFill(int rgb, double alpha) {
        alpha(alpha, em.strokeAlpha);
        if (em.fill == rgb) return;
        em.fill = rgb;
        color(rgb).text("rg\n");
    }

    private void setStroke(int rgb, double alpha, BasicStroke bs, double scale) {
        alpha(em.fillAlpha, alpha);
        if (em.stroke != rgb) {
            em.stroke = rgb;
            color(rgb).text("RG\n");
        }
        double w = bs.getLineWidth() * scale * UNITS;
        if (w != em.width) {
            em.width = w;
            number(w).text(" w\n");
        }
        if (bs.getEndCap() != em.cap) {
            em.cap = bs.getEndCap(); // Java2D's and PDF's numbering agree: butt 0, round 1, square 2
            integer(em.cap).text(" J\n");
        }
        if (bs.getLineJoin() != em.join) {
            em.join = bs.getLineJoin(); // miter 0, round 1, bevel 2 in both
            integer(em.join).text(" j\n");
        }
        double miter = Math.max(1, bs.getMiterLimit());
        if (bs.getLineJoin() == BasicStroke.JOIN_MITER && miter != em.miter) {
            em.miter = miter;
            number(miter).text(" M\n");
        }
        float[] d = bs.getDashArray();
        double[] dash = null;
        if (d != null) {
            dash = new double[d.length];
            for (int i = 0; i < d.length; i++) dash[i] = d[i] * scale * UNITS;
        }
        double phase = d == null ? 0 : bs.getDashPhase() * scale * UNITS;
        boolean change = dash == null ? !em.solid : em.solid || !Arrays.equals(dash, em.dash) || phase != em.phase;
        if (change) {
            em.dash = dash;
            em.phase = phase;
            em.solid = dash == null;
            text("[");
            if (dash != null) {
                for (int i = 0; i < dash.length; i++) {
                    if (i > 0) text(" ");
                    number(dash[i]);
                }
            }
            text("] ").number(phase).text(" d\n");
        }
    }

    private void alpha(double fill, double stroke) {
        if (fill == em.fillAlpha && stroke == em.strokeAlpha) return;
        long key = Math.round(fill * 1000) * 10_000 + Math.round(stroke * 1000);
        COSName name = alphaStates.computeIfAbsent(key, k -> {
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setNonStrokingAlphaConstant((float) fill);
            gs.setStrokingAlphaConstant((float) stroke);
            return resources.add(gs);
        });
        em.fillAlpha = fill;
        em.strokeAlpha = stroke;
        text("/").text(name.getName()).text(" gs\n");
    }

    // ---- PDFBox's Graphics2D for the rest ------------------------------------------------

    /** A PDFBox Graphics2D drawing at this point of the stream, within the given clip. */
    PdfBoxGraphics2D fallback(List<Shape> clip) {
        flushPending();
        if (fallback != null && !sameClip(clip, fallbackClip)) closeFallback();
        if (fallback == null) {
            try {
                fallback = new PdfBoxGraphics2D(doc, width, height);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (textDrawer != null) fallback.setFontTextDrawer(textDrawer);
            fallbackClip = clip;
        }
        return fallback;
    }

    private static boolean sameClip(List<Shape> a, List<Shape> b) {
        return a == b || a != null && a.equals(b);
    }

    private void closeFallback() {
        if (fallback == null) return;
        PdfBoxGraphics2D g = fallback;
        fallback = null;
        g.dispose();
        fallbacks++;
        COSName name = resources.add(g.getXFormObject());
        clip(fallbackClip);
        // PDFBox's Graphics2D sets an opacity only below 1: the form must not inherit ours.
        alpha(1, 1);
        // The form is drawn in the page's own space: undo this stream's scale and flip.
        text("q ").number(UNITS).text(" 0 0 ").number(-UNITS).text(" 0 ").number(height * UNITS).text(" cm /")
                .text(name.getName()).text(" Do Q\n");
    }

    /** Ends the stream: what is pending, the open group, the compressor. */
    void finish() {
        if (finished) return;
        finished = true;
        flushPending();
        closeFallback();
        if (emittedClip != null) text("Q\n");
        try {
            sink.write(buf, 0, pos);
            pos = 0;
            sink.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
            measure.dispose();
        }
    }

    // ---- bytes ---------------------------------------------------------------------------

    private PdfContent text(String s) {
        int n = s.length();
        if (pos + n > buf.length) drain();
        if (n > buf.length) {
            write(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), n);
            return this;
        }
        for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
        return this;
    }

    private void write(byte[] b, int n) {
        if (pos + n > buf.length) drain();
        if (n > buf.length) {
            try {
                sink.write(b, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        System.arraycopy(b, 0, buf, pos, n);
        pos += n;
    }

    private void drain() {
        try {
            sink.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
    }

    private PdfContent color(int rgb) {
        number(((rgb >> 16) & 0xff) / 255.0).text(" ");
        number(((rgb >> 8) & 0xff) / 255.0).text(" ");
        return number((rgb & 0xff) / 255.0).text(" ");
    }

    private PdfContent integer(long v) {
        if (pos + 24 > buf.length) drain();
        pos = Scratch.putLong(buf, pos, v);
        return this;
    }

    /** A number with at most four decimals, no exponent, no trailing zeros. */
    private PdfContent number(double v) {
        if (pos + 32 > buf.length) drain();
        pos = Scratch.putDecimal(buf, pos, v);
        return this;
    }

    /** The state PDF keeps between operators, as this stream last set it. */
    private static final class State {
        int fill = -1;
        int stroke = -1;
        double fillAlpha = 1;
        double strokeAlpha = 1;
        double width = Double.NaN;
        int cap = -1;
        int join = -1;
        double miter = Double.NaN;
        double[] dash;
        double phase;
        boolean solid;

        State copy() {
            State s = new State();
            s.copyFrom(this);
            return s;
        }

        void copyFrom(State o) {
            fill = o.fill;
            stroke = o.stroke;
            fillAlpha = o.fillAlpha;
            strokeAlpha = o.strokeAlpha;
            width = o.width;
            cap = o.cap;
            join = o.join;
            miter = o.miter;
            dash = o.dash;
            phase = o.phase;
            solid = o.solid;
        }
    }

    /** A path's operators, written to a reusable buffer before they go out (or are compared). */
    static final class Scratch {
        /** Beyond this many bytes, a path being walked for a fill is sent out at its next closing. */
        static final int SPILL = 1 << 16;
        byte[] bytes = new byte[4096];
        int length;
        boolean evenOdd;
        /** Where a large fill's bytes go as they are walked; null: the whole path is kept. */
        PdfContent owner;
        boolean spilled;
        private final double[] c = new double[6];

        /**
         * Writes the shape (transformed by tx, to points) as path operators; false if it has no
         * segment or a coordinate is not finite. A line back to the start of a closed subpath,
         * and a segment to the point it starts from, are left out: they draw nothing.
         */
        boolean path(Shape s, AffineTransform tx, boolean fill) {
            length = 0;
            PathIterator it = s.getPathIterator(tx);
            evenOdd = it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
            long startX = 0;
            long startY = 0;
            long lastX = 0;
            long lastY = 0;
            double curX = 0;
            double curY = 0;
            int lastLineAt = -1; // where the last segment, if a line, begins in the buffer
            boolean any = false;
            while (!it.isDone()) {
                int type = it.currentSegment(c);
                ensure(160);
                switch (type) {
                    case PathIterator.SEG_MOVETO -> {
                        if (!finite(2)) return false;
                        lastX = startX = Math.round(c[0] * UNITS);
                        lastY = startY = Math.round(c[1] * UNITS);
                        curX = c[0];
                        curY = c[1];
                        length = putLong(bytes, length, lastX);
                        bytes[length++] = ' ';
                        length = putLong(bytes, length, lastY);
                        length = put(bytes, length, " m\n");
                        lastLineAt = -1;
                    }
                    case PathIterator.SEG_LINETO -> {
                        if (!finite(2)) return false;
                        long x = Math.round(c[0] * UNITS);
                        long y = Math.round(c[1] * UNITS);
                        curX = c[0];
                        curY = c[1];
                        if (x == lastX && y == lastY) break;
                        lastLineAt = length;
                        length = putLong(bytes, length, x);
                        bytes[length++] = ' ';
                        length = putLong(bytes, length, y);
                        length = put(bytes, length, " l\n");
                        lastX = x;
                        lastY = y;
                        any = true;
                    }
                    case PathIterator.SEG_QUADTO, PathIterator.SEG_CUBICTO -> {
                        int n = type == PathIterator.SEG_QUADTO ? 4 : 6;
                        if (!finite(n)) return false;
                        if (type == PathIterator.SEG_QUADTO) {
                            // The cubic with the same curve: control points two thirds of the way to the quad's.
                            double ex = c[2];
                            double ey = c[3];
                            c[4] = ex;
                            c[5] = ey;
                            c[2] = ex + 2.0 / 3 * (c[0] - ex);
                            c[3] = ey + 2.0 / 3 * (c[1] - ey);
                            c[0] = curX + 2.0 / 3 * (c[0] - curX);
                            c[1] = curY + 2.0 / 3 * (c[1] - curY);
                        }
                        for (int i = 0; i < 6; i += 2) {
                            length = putLong(bytes, length, Math.round(c[i] * UNITS));
                            bytes[length++] = ' ';
                            length = putLong(bytes, length, Math.round(c[i + 1] * UNITS));
                            bytes[length++] = ' ';
                        }
                        length = put(bytes, length, "c\n");
                        curX = c[4];
                        curY = c[5];
                        lastX = Math.round(curX * UNITS);
                        lastY = Math.round(curY * UNITS);
                        lastLineAt = -1;
                        any = true;
                    }
                    case PathIterator.SEG_CLOSE -> {
                        if (lastLineAt >= 0 && lastX == startX && lastY == startY) length = lastLineAt;
                        length = put(bytes, length, "h\n");
                        lastX = startX;
                        lastY = startY;
                        lastLineAt = -1;
                        if (owner != null && length > SPILL && any) owner.spill(this);
                    }
                    default -> {
                    }
                }
                it.next();
            }
            return any;
        }

        boolean sameAs(Scratch o) {
            return length == o.length && evenOdd == o.evenOdd
                    && Arrays.equals(bytes, 0, length, o.bytes, 0, o.length);
        }

        private boolean finite(int n) {
            for (int i = 0; i < n; i++) if (!Double.isFinite(c[i]) || Math.abs(c[i]) > 1e12) return false;
            return true;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        static int put(byte[] b, int at, String s) {
            for (int i = 0; i < s.length(); i++) b[at++] = (byte) s.charAt(i);
            return at;
        }

        static int putLong(byte[] b, int at, long v) {
            if (v < 0) {
                b[at++] = '-';
                v = -v;
            }
            if (v < 10) {
                b[at++] = DIGITS[(int) v];
                return at;
            }
            int end = at + digits(v);
            for (int i = end - 1; i >= at; i--) {
                b[i] = DIGITS[(int) (v % 10)];
                v /= 10;
            }
            return end;
        }

        private static int digits(long v) {
            int n = 1;
            while (v >= 10) {
                v /= 10;
                n++;
            }
            return n;
        }

        static int putDecimal(byte[] b, int at, double v) {
            if (!Double.isFinite(v)) v = 0;
            long scaled = Math.round(v * 10_000);
            if (scaled < 0) {
                b[at++] = '-';
                scaled = -scaled;
            }
            at = putLong(b, at, scaled / 10_000);
            int frac = (int) (scaled % 10_000);
            if (frac != 0) {
                b[at++] = '.';
                int div = 1000;
                while (frac != 0) {
                    b[at++] = DIGITS[frac / div];
                    frac %= div;
                    div /= 10;
                }
            }
            return at;
        }
    }
}
