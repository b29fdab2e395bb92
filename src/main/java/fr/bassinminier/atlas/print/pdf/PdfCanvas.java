package fr.bassinminier.atlas.print.pdf;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * A Graphics2D that writes a PDF form XObject directly: shapes filled or outlined in a plain
 * colour with a BasicStroke (everything a map's features need) become path operators with no
 * save/restore per shape and the graphics state written only when it changes ({@link PdfContent}).
 * Text (kept as real text), images, gradients and other composites are drawn by PDFBox's own
 * Graphics2D, as before, into forms placed where they occur. Drawn like PDFBox's Graphics2D:
 * user space in points, y down, over a {@code width × height} box; draw, then {@link #dispose()}
 * the canvas and place {@link #getXFormObject()} on a page.
 */
public final class PdfCanvas extends Graphics2D {
    private final PdfContent out;
    private final boolean root;
    private AffineTransform transform;
    /** The clip, in the canvas's own space (points, y down), as the shapes to intersect; null: none. */
    private List<Shape> clip;
    private Paint paint;
    private Stroke stroke;
    private Composite composite;
    private Font font;
    private Color background;
    private Color xor;
    private final RenderingHints hints;

    /** A canvas of width × height points; text through {@code textDrawer} (null: PDFBox's default). */
    public PdfCanvas(PDDocument doc, float width, float height, IPdfBoxGraphics2DFontTextDrawer textDrawer)
            throws IOException {
        out = new PdfContent(doc, width, height, textDrawer);
        root = true;
        transform = new AffineTransform();
        paint = Color.BLACK;
        stroke = new BasicStroke();
        composite = AlphaComposite.SrcOver;
        font = out.measure.getFont();
        background = out.measure.getBackground();
        hints = new RenderingHints(null);
    }

    private PdfCanvas(PdfCanvas o) {
        out = o.out;
        root = false;
        transform = new AffineTransform(o.transform);
        clip = o.clip;
        paint = o.paint;
        stroke = o.stroke;
        composite = o.composite;
        font = o.font;
        background = o.background;
        xor = o.xor;
        hints = (RenderingHints) o.hints.clone();
    }

    /** The drawing, once the canvas is disposed. */
    public PDFormXObject getXFormObject() {
        return out.form();
    }

    /** How many forms PDFBox's Graphics2D drew for what the canvas does not write itself. */
    public int fallbackForms() {
        return out.fallbacks();
    }

    // ---- what is written directly ----------------------------------------------------------

    @Override
    public void fill(Shape s) {
        double alpha = plainAlpha();
        if (Double.isNaN(alpha)) {
            fallback().fill(s);
        } else if (alpha > 0) {
            out.fill(s, transform, clip, (Color) paint, alpha);
        }
    }

    @Override
    public void draw(Shape s) {
        double alpha = plainAlpha();
        double scale = uniformScale(transform);
        if (Double.isNaN(alpha) || !(stroke instanceof BasicStroke bs) || Double.isNaN(scale)) {
            fallback().draw(s);
        } else if (alpha > 0) {
            out.stroke(s, transform, clip, (Color) paint, alpha, bs, scale);
        }
    }

    /** The opacity of the current plain colour painted source-over; NaN if the paint is anything else. */
    private double plainAlpha() {
        if (!(paint instanceof Color c) || xor != null) return Double.NaN;
        if (!(composite instanceof AlphaComposite ac) || ac.getRule() != AlphaComposite.SRC_OVER) return Double.NaN;
        return c.getAlpha() / 255.0 * ac.getAlpha();
    }

    /** The scale of a transform that keeps shapes similar (so a line width scales by one factor); NaN otherwise. */
    static double uniformScale(AffineTransform t) {
        double sx = Math.hypot(t.getScaleX(), t.getShearY());
        double sy = Math.hypot(t.getShearX(), t.getScaleY());
        double dot = t.getScaleX() * t.getShearX() + t.getShearY() * t.getScaleY();
        if (Math.abs(sx - sy) > 1e-9 * Math.max(sx, sy) || Math.abs(dot) > 1e-9 * sx * sy) return Double.NaN;
        return sx;
    }

    /** PDFBox's Graphics2D with this canvas's state, drawing at this point of the stream. */
    private PdfBoxGraphics2D fallback() {
        PdfBoxGraphics2D g = out.fallback(clip);
        g.setRenderingHints(hints);
        g.setTransform(transform);
        g.setPaint(paint);
        g.setStroke(stroke);
        g.setComposite(composite);
        g.setFont(font);
        g.setBackground(background);
        if (xor != null) g.setXORMode(xor);
        else g.setPaintMode();
        return g;
    }

    // ---- drawn by PDFBox's Graphics2D ----------------------------------------------------

    @Override
    public void drawString(String str, int x, int y) {
        fallback().drawString(str, x, y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        fallback().drawString(str, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator it, int x, int y) {
        fallback().drawString(it, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator it, float x, float y) {
        fallback().drawString(it, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector gv, float x, float y) {
        fallback().drawGlyphVector(gv, x, y);
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        return fallback().drawImage(img, xform, obs);
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        fallback().drawImage(img, op, x, y);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        fallback().drawRenderedImage(img, xform);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        fallback().drawRenderableImage(img, xform);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        return fallback().drawImage(img, x, y, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        return fallback().drawImage(img, x, y, width, height, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        return fallback().drawImage(img, x, y, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        return fallback().drawImage(img, x, y, width, height, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             ImageObserver observer) {
        return fallback().drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             Color bgcolor, ImageObserver observer) {
        return fallback().drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, bgcolor, observer);
    }

    // ---- shapes by their coordinates -----------------------------------------------------

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Paint p = paint;
        Composite c = composite;
        paint = background;
        composite = AlphaComposite.SrcOver;
        fillRect(x, y, width, height);
        paint = p;
        composite = c;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints < 2) return;
        draw(poly(xPoints, yPoints, nPoints, false));
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints < 2) return;
        draw(poly(xPoints, yPoints, nPoints, true));
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints < 3) return;
        fill(poly(xPoints, yPoints, nPoints, true));
    }

    private static Path2D poly(int[] x, int[] y, int n, boolean closed) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD, n + 1);
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) p.lineTo(x[i], y[i]);
        if (closed) p.closePath();
        return p;
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        // A PDF has no pixels to copy (PDFBox's Graphics2D ignores it too).
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        if (onStroke) s = stroke.createStrokedShape(s);
        return transform.createTransformedShape(s).intersects(rect);
    }

    // ---- state ---------------------------------------------------------------------------

    @Override
    public Graphics create() {
        return new PdfCanvas(this);
    }

    @Override
    public void dispose() {
        if (root) out.finish();
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return out.measure.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        composite = comp;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setPaint(Paint p) {
        if (p != null) paint = p;
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public Color getColor() {
        return paint instanceof Color c ? c : Color.BLACK;
    }

    @Override
    public void setColor(Color c) {
        if (c != null) paint = c;
    }

    @Override
    public void setStroke(Stroke s) {
        stroke = s;
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setPaintMode() {
        xor = null;
    }

    @Override
    public void setXORMode(Color c) {
        xor = c;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void setFont(Font f) {
        if (f != null) font = f;
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return out.measure.getFontMetrics(f);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        out.measure.setRenderingHints(hints);
        return out.measure.getFontRenderContext();
    }

    @Override
    public void setBackground(Color c) {
        background = c;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(Map<?, ?> h) {
        hints.clear();
        hints.putAll(h);
    }

    @Override
    public void addRenderingHints(Map<?, ?> h) {
        hints.putAll(h);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        transform.concatenate(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        transform = new AffineTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    // ---- clip ----------------------------------------------------------------------------

    @Override
    public void clip(Shape s) {
        if (s == null) {
            clip = null;
            return;
        }
        List<Shape> next = new ArrayList<>(clip == null ? List.of() : clip);
        next.add(transform.createTransformedShape(s));
        clip = List.copyOf(next);
    }

    @Override
    public void setClip(Shape s) {
        clip = s == null ? null : List.of(transform.createTransformedShape(s));
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    @Override
    public Shape getClip() {
        if (clip == null) return null;
        Shape device;
        if (clip.size() == 1) {
            device = clip.get(0);
        } else {
            Area a = new Area(clip.get(0));
            for (int i = 1; i < clip.size(); i++) a.intersect(new Area(clip.get(i)));
            device = a;
        }
        try {
            return transform.createInverse().createTransformedShape(device);
        } catch (NoninvertibleTransformException e) {
            return new Rectangle();
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }
}
