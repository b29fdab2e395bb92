package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.style.DefaultStyles;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import fr.bassinminier.atlas.model.style.Expression;
import fr.bassinminier.atlas.model.style.FeatureTypeStyle;
import fr.bassinminier.atlas.model.style.Filter;
import fr.bassinminier.atlas.model.style.LineSymbolizer;
import fr.bassinminier.atlas.model.style.PointSymbolizer;
import fr.bassinminier.atlas.model.style.PolygonSymbolizer;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Style;
import fr.bassinminier.atlas.model.style.Symbolizer;
import fr.bassinminier.atlas.model.style.TextSymbolizer;
import fr.bassinminier.atlas.style.sld.Styles;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.linearref.LengthIndexedLine;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * The one renderer: draws project layers on any Graphics2D (screen image, PNG, PDF), so that
 * what is printed is what was seen. Only features whose envelope meets the view are visited
 * (each layer's FeatureSource scan, in layer order: memory or the file itself), and features smaller
 * than a pixel are drawn as a dot.
 */
public final class MapRenderer {
    private static final int CANCEL_CHECK_MASK = 255;
    /**
     * A layer with at least this many features in view is dense: its sub-pixel dots go straight
     * into the image's pixels (DotRaster) rather than through one antialiased fill each. Lighter
     * layers are drawn exactly as before, every dot a Java2D fill.
     */
    static final int DENSE_FEATURES = 2_000;
    /** Device pixels per logical pixel beyond which the background is drawn smaller and scaled (240 dpi). */
    static final double MAX_BASEMAP_RATIO = 2.5;

    /** What a render did, for benchmarks and the status bar. */
    public record Stats(int layersDrawn, int featuresDrawn, long nanos) {
    }

    public Stats render(Graphics2D g, Viewport vp, List<ProjectLayer> layers, RenderOptions opts,
                        BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        hints(g);
        if (opts.background() != null) {
            g.setColor(opts.background());
            g.fill(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
        }
        drawBasemap(g, vp, opts, cancelled);
        int[] counts = drawLayers(g, vp, 0, vp.height(), layers, opts, cancelled, null);
        drawOverlays(g, vp, layers, opts, cancelled);
        return new Stats(counts[0], counts[1], System.nanoTime() - t0);
    }

    /**
     * The background map, under everything; a failing tile source leaves the map without it
     * (the source reports its failure itself), never without its layers.
     */
    static BasemapPainter.Result drawBasemap(Graphics2D g, Viewport vp, RenderOptions opts, BooleanSupplier cancelled) {
        if (opts.basemap() == null) return null;
        double shrink = opts.pixelRatio() / MAX_BASEMAP_RATIO;
        if (shrink <= 1) {
            return BasemapPainter.paint(g, vp, fr.bassinminier.atlas.model.CrsId.LAMBERT_93, opts.basemap(),
                    opts.pixelRatio(), opts.waitForTiles(), cancelled);
        }
        // Prints: tiles hold 96 dpi detail, so the background is warped at 240 dpi and scaled up,
        // rather than into a 600 dpi image ten times its size (in the PDF too).
        int w = (int) Math.ceil(vp.width() / shrink);
        int h = (int) Math.ceil(vp.height() / shrink);
        Viewport small = new Viewport(vp.centerX() + (w * shrink - vp.width()) * vp.resolution() / 2,
                vp.centerY() - (h * shrink - vp.height()) * vp.resolution() / 2, vp.resolution() * shrink, w, h);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D ig = img.createGraphics();
        BasemapPainter.Result r;
        try {
            r = BasemapPainter.paint(ig, small, fr.bassinminier.atlas.model.CrsId.LAMBERT_93, opts.basemap(),
                    MAX_BASEMAP_RATIO, opts.waitForTiles(), cancelled);
        } finally {
            ig.dispose();
        }
        Object interp = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, (int) Math.round(w * shrink), (int) Math.round(h * shrink), null);
        if (interp != null) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interp);
        return r;
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** Labels, then the notice and sources marks: drawn once over the whole image. */
    void drawOverlays(Graphics2D g, Viewport vp, List<ProjectLayer> layers, RenderOptions opts, BooleanSupplier cancelled) {
        new LabelEngine().draw(g, vp, layers, opts.pixelRatio(), cancelled);
        drawMarks(g, vp, opts);
    }

    /**
     * Draws the layers, bottom up, on the rows [rowMin, rowMax) of the view: the whole view, or
     * one band of it when a render is split between threads (g is then clipped to the band).
     * Each feature in view is counted by exactly one band: the one holding its top row.
     *
     * @param raster direct access to the pixels g draws on, for dots; null to draw them with g
     * @return {layers drawn, features counted}
     */
    int[] drawLayers(Graphics2D g, Viewport vp, int rowMin, int rowMax, List<ProjectLayer> layers,
                     RenderOptions opts, BooleanSupplier cancelled, DotRaster raster) {
        ShapeBuilder shapes = new ShapeBuilder(vp, 0.5);
        int drawn = 0;
        int layerCount = 0;
        // Layer-tree order puts the top layer first: draw from the bottom up.
        for (int li = layers.size() - 1; li >= 0; li--) {
            ProjectLayer pl = layers.get(li);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            drawn += drawLayer(g, vp, shapes, rowMin, rowMax, pl, li, opts, cancelled, raster);
            layerCount++;
        }
        return new int[] {layerCount, drawn};
    }

    private int drawLayer(Graphics2D g, Viewport vp, ShapeBuilder shapes, int rowMin, int rowMax, ProjectLayer pl,
                          int ordinal, RenderOptions opts, BooleanSupplier cancelled, DotRaster raster) {
        if (cancelled.getAsBoolean()) throw new CancellationException();
        VectorLayer data = pl.data();
        LayerEntry e = pl.entry();
        LayerStyle s = DefaultStyles.resolve(e.style(), data.geometryType(), ordinal);
        double k = opts.pixelRatio();
        Envelope view = vp.ground();
        boolean whole = rowMin <= 0 && rowMax >= vp.height();
        // A band also draws what lies just outside it but reaches into it (outlines, points).
        double marginPx = whole ? 0 : 2 + k * Math.max(s.strokeWidth() / 2, s.pointSize() / 2 + 1);
        Envelope area = whole ? view : band(vp, rowMin - marginPx, rowMax + marginPx);
        Composite before = g.getComposite();
        if (e.opacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) e.opacity()));
        LayerPass pass = new LayerPass(g, vp, shapes, rowMin, rowMax, pl, s, opts, cancelled, raster, whole);
        try {
            data.scan(area, pass);
            pass.finish();
        } finally {
            g.setComposite(before);
        }
        return pass.counted;
    }

    /** One layer drawn on one band: what the scan of its source hands over, feature by feature. */
    private static final class LayerPass implements FeatureSource.Visitor {
        private final Graphics2D g;
        private final Viewport vp;
        private final ShapeBuilder shapes;
        private final int rowMin;
        private final int rowMax;
        private final ProjectLayer pl;
        private final LayerStyle s;
        private final BooleanSupplier cancelled;
        private final DotRaster raster;
        private final boolean whole;
        private final double k;
        private final Color fill;
        private final Color stroke;
        private final Color dot;
        private final BasicStroke line;
        private final Envelope view;
        private final double res;
        private final double pixelArea;
        private final Style sld;
        private final Filter shown;
        private final double scale;
        private final double viewTop;
        private final boolean mayHavePoints;
        private final boolean vector;
        private final Path2D.Double reused = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        /** For an SLD that reads no attribute: its symbolizers and dot colour, the same for every feature. */
        private final Feature anyFeature;
        private final List<Symbolizer> constantSyms;
        private final Color constantDot;
        private boolean dense;
        private Path2D.Double dotPath;
        private int n;
        int counted;

        LayerPass(Graphics2D g, Viewport vp, ShapeBuilder shapes, int rowMin, int rowMax, ProjectLayer pl, LayerStyle s,
                  RenderOptions opts, BooleanSupplier cancelled, DotRaster raster, boolean whole) {
            this.g = g;
            this.vp = vp;
            this.shapes = shapes;
            this.rowMin = rowMin;
            this.rowMax = rowMax;
            this.pl = pl;
            this.s = s;
            this.cancelled = cancelled;
            this.raster = raster;
            this.whole = whole;
            k = opts.pixelRatio();
            vector = opts.vector();
            fill = color(s.fill(), s.fillOpacity());
            stroke = color(s.stroke(), 1);
            dot = stroke != null ? stroke : fill;
            line = s.strokeWidth() > 0 && stroke != null ? stroke(s, k) : null;
            view = vp.ground();
            res = vp.resolution();
            pixelArea = res * res;
            sld = pl.style();
            shown = pl.shown();
            scale = vp.scaleDenominator() * k;
            viewTop = view.getMaxY();
            // Only layers that may hold points need each geometry looked at before its envelope.
            GeometryType.Family family = pl.data().geometryType().family();
            mayHavePoints = family != GeometryType.Family.POLYGON && family != GeometryType.Family.LINE;
            if (sld != null && shown == null && !readsAttributes(sld)) {
                // The rules give the same answer for every feature: ask once, and let a file-backed
                // source skip decoding attributes nobody reads.
                var schema = pl.data().schema();
                anyFeature = new Feature(0, null, schema, new Object[schema.size()]);
                constantSyms = symbolizers(sld, anyFeature, scale);
                constantDot = dotColor(constantSyms, anyFeature);
            } else {
                anyFeature = null;
                constantSyms = null;
                constantDot = null;
            }
        }

        @Override
        public void expect(int hits) {
            double bandShare = whole ? 1 : (double) vp.height() / Math.max(1, rowMax - rowMin);
            dense = hits * bandShare >= DENSE_FEATURES;
            // One batched path per layer needs one colour: not for SLD layers, whose rules colour each feature.
            dotPath = dense && raster == null && sld == null ? new Path2D.Double(Path2D.WIND_NON_ZERO, 1024) : null;
        }

        @Override
        public void visit(FeatureSource.Cursor c) {
            if ((++n & CANCEL_CHECK_MASK) == 0 && cancelled.getAsBoolean()) throw new CancellationException();
            double minX = c.minX();
            double minY = c.minY();
            double maxX = c.maxX();
            double maxY = c.maxY();
            if (whole) {
                counted++;
            } else if (minX <= view.getMaxX() && maxX >= view.getMinX() && minY <= view.getMaxY()
                    && maxY >= view.getMinY()) {
                double top = Math.max(0, (viewTop - maxY) / res);
                if (top >= rowMin && top < rowMax || rowMax >= vp.height() && top >= rowMax) counted++;
            }
            Feature f = anyFeature != null ? anyFeature : sld != null || shown != null ? c.attributes() : null;
            if (shown != null && !shown.test(f)) return;
            Geometry geom = null;
            List<Symbolizer> syms = null;
            Color featureDot = dot;
            if (constantSyms != null) {
                if (constantSyms.isEmpty()) return;
                syms = constantSyms;
                featureDot = constantDot;
            } else if (sld != null) {
                // SLD: the rules that apply to this feature at this scale decide everything.
                syms = symbolizers(sld, f, scale);
                if (syms.isEmpty()) return;
                featureDot = dotColor(syms, f);
            }
            if (mayHavePoints) {
                geom = c.geometry();
                if (geom instanceof Puntal) {
                    if (syms != null) paintSld(g, shapes, f, geom, null, syms, k);
                    else drawPoints(g, shapes, geom, s, fill, stroke, k);
                    return;
                }
            }
            double w = maxX - minX;
            double h = maxY - minY;
            if (w * h < pixelArea && !vector) {
                // Sub-pixel feature: a dot keeps dense layers visible without building paths.
                if (featureDot == null) return;
                double x = shapes.screenX(minX);
                double y = shapes.screenY(maxY);
                if (raster != null && dense) {
                    raster.square(x, y, k, featureDot, pl.entry().opacity());
                } else if (dotPath != null) {
                    dotPath.append(new Rectangle2D.Double(x, y, k, k), false);
                } else {
                    g.setColor(featureDot);
                    g.fill(new Rectangle2D.Double(x, y, k, k));
                }
                return;
            }
            PackedGeometry packed = geom == null ? c.packed() : null;
            Path2D.Double path;
            boolean areal;
            if (packed != null) {
                areal = packed.dimension() == 2;
                path = shapes.path(reused, packed);
            } else {
                if (geom == null) geom = c.geometry();
                if (geom == null) return;
                areal = geom.getDimension() == 2;
                path = shapes.path(reused, geom);
            }
            if (syms != null) {
                // Point symbols on polygons or lines need the geometry for their anchors.
                if (geom == null && hasPointSymbol(syms)) geom = c.geometry();
                paintSld(g, shapes, f, geom, path, syms, k, areal);
                return;
            }
            if (areal && fill != null) {
                g.setColor(fill);
                g.fill(path);
            }
            if (areal && s.hatch() != null) hatch(g, path, s, stroke, k);
            if (line != null) {
                g.setColor(stroke);
                g.setStroke(line);
                g.draw(path);
            }
        }

        void finish() {
            if (dotPath != null && dot != null) {
                g.setColor(dot);
                g.fill(dotPath);
            }
        }
    }

    /**
     * Whether the style reads any attribute: a rule filter or a property anywhere in its
     * symbolizers. Walks the style's records, so that a new kind of symbolizer is covered too.
     */
    static boolean readsAttributes(Object node) {
        if (node == null) return false;
        if (node instanceof Expression.Property || node instanceof Filter) return true;
        if (node instanceof Iterable<?> it) {
            for (Object o : it) if (readsAttributes(o)) return true;
            return false;
        }
        if (node instanceof Style st) return readsAttributes(st.featureTypeStyles());
        if (node.getClass().isRecord() && node.getClass().getPackageName().equals(Style.class.getPackageName())) {
            for (var rc : node.getClass().getRecordComponents()) {
                try {
                    if (readsAttributes(rc.getAccessor().invoke(node))) return true;
                } catch (ReflectiveOperationException e) {
                    return true; // cannot tell: assume it does
                }
            }
        }
        return false;
    }

    private static boolean hasPointSymbol(List<Symbolizer> syms) {
        for (Symbolizer sym : syms) if (sym instanceof PointSymbolizer) return true;
        return false;
    }

    /**
     * The drawing symbolizers of the rules that apply, in rule order, every FeatureTypeStyle in
     * turn. Text symbolizers are left to the label engine, which places all labels together.
     * (SLD draws each FeatureTypeStyle as a separate pass over the layer; drawing them feature
     * by feature differs only where a later FeatureTypeStyle should cover neighbouring features,
     * which the demo and the QGIS exports we read do not rely on.)
     */
    static List<Symbolizer> symbolizers(Style style, Feature f, double scale) {
        List<Symbolizer> out = new ArrayList<>(2);
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : Styles.rulesFor(fts, f, scale)) {
                for (Symbolizer sym : r.symbolizers()) if (!(sym instanceof TextSymbolizer)) out.add(sym);
            }
        }
        return out;
    }

    /**
     * The colour of a feature too small to draw: its outline, which covers a sub-pixel polygon as
     * QGIS draws it (a fill-coloured dot made dense areas paler), else its fill.
     */
    private static Color dotColor(List<Symbolizer> syms, Feature f) {
        for (Symbolizer sym : syms) {
            if (sym instanceof PolygonSymbolizer p) {
                if (p.stroke() != null) return color(p.stroke().colorFor(f), 1);
                if (p.fill() != null && p.fill().graphicFill() == null) return color(p.fill().colorFor(f), 1);
            } else if (sym instanceof LineSymbolizer l) {
                return color(l.strokeOrDefault().colorFor(f), 1);
            }
        }
        return null;
    }

    private static void paintSld(Graphics2D g, ShapeBuilder shapes, Feature f, Geometry geom, Path2D.Double path,
                                 List<Symbolizer> syms, double k) {
        paintSld(g, shapes, f, geom, path, syms, k, geom.getDimension() == 2);
    }

    private static void paintSld(Graphics2D g, ShapeBuilder shapes, Feature f, Geometry geom, Path2D.Double path,
                                 List<Symbolizer> syms, double k, boolean areal) {
        for (Symbolizer sym : syms) {
            if (sym instanceof PolygonSymbolizer p && path != null && areal) {
                SymbolPainter.polygon(g, path, p, f, k);
            } else if (sym instanceof LineSymbolizer l && path != null) {
                SymbolPainter.line(g, path, l, f, k);
            } else if (sym instanceof PointSymbolizer p && geom != null) {
                for (Coordinate c : anchors(geom)) {
                    SymbolPainter.point(g, shapes.screenX(c.x), shapes.screenY(c.y), p, f, k);
                }
            }
        }
    }

    /** Where a point symbol goes: each point, or a point inside each polygon, or each line's middle. */
    private static List<Coordinate> anchors(Geometry geom) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part.isEmpty()) continue;
            if (part instanceof Point p) out.add(p.getCoordinate());
            else if (part.getDimension() == 2) out.add(InteriorPointArea.getInteriorPoint(part));
            else out.add(new LengthIndexedLine(part).extractPoint(part.getLength() / 2));
        }
        return out;
    }

    /** The ground under the rows [top, bottom) of the view, full width. */
    private static Envelope band(Viewport vp, double top, double bottom) {
        Envelope v = vp.ground();
        double t = Math.max(0, top);
        double b = Math.min(vp.height(), bottom);
        return new Envelope(v.getMinX(), v.getMaxX(), v.getMaxY() - b * vp.resolution(),
                v.getMaxY() - t * vp.resolution());
    }

    private static void drawPoints(Graphics2D g, ShapeBuilder shapes, Geometry geom, LayerStyle s, Color fill,
                                   Color stroke, double k) {
        double r = s.pointSize() * k / 2;
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Point p = (Point) geom.getGeometryN(i);
            if (p.isEmpty()) continue;
            Shape dot = new Ellipse2D.Double(shapes.screenX(p.getX()) - r, shapes.screenY(p.getY()) - r, 2 * r, 2 * r);
            if (fill != null) {
                g.setColor(fill);
                g.fill(dot);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(new BasicStroke((float) (0.8 * k)));
                g.draw(dot);
            }
        }
    }

    /** Diagonal hatching clipped to the polygon: stays vector in PDF, unlike a texture. */
    private static void hatch(Graphics2D g, Shape area, LayerStyle s, Color stroke, double k) {
        Shape oldClip = g.getClip();
        g.clip(area);
        // Bounded by pixels, not ground units: zoomed far in, a polygon's bounds can span 10^12 px.
        Rectangle2D b = visible(g, area);
        double step = 8 * k;
        g.setColor(stroke != null ? stroke : Color.GRAY);
        g.setStroke(new BasicStroke((float) (0.7 * k)));
        boolean back = "backslash".equals(s.hatch());
        for (double off = -b.getHeight(); off < b.getWidth(); off += step) {
            double x0 = b.getMinX() + off;
            if (back) {
                g.draw(new Line2D.Double(x0, b.getMinY(), x0 + b.getHeight(), b.getMaxY()));
            } else {
                g.draw(new Line2D.Double(x0, b.getMaxY(), x0 + b.getHeight(), b.getMinY()));
            }
        }
        g.setClip(oldClip);
    }

    /** The part of the shape's bounds inside the clip (the image), where hatching can show. */
    static Rectangle2D visible(Graphics2D g, Shape area) {
        Rectangle2D b = area.getBounds2D();
        java.awt.Rectangle clip = g.getClipBounds();
        if (clip != null) b = b.createIntersection(clip);
        return b.isEmpty() ? new Rectangle2D.Double() : b;
    }

    private static BasicStroke stroke(LayerStyle s, double k) {
        float w = (float) (s.strokeWidth() * k);
        if (s.dash() == null || s.dash().length == 0) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] dash = new float[s.dash().length];
        for (int i = 0; i < dash.length; i++) dash[i] = (float) (s.dash()[i] * k);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, dash, 0);
    }

    static Color color(String hex, double opacity) {
        if (hex == null || hex.isBlank() || "none".equalsIgnoreCase(hex)) return null;
        try {
            int rgb = Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
            return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, (int) Math.round(opacity * 255));
        } catch (NumberFormatException e) {
            return Color.MAGENTA; // a visible sign of a bad colour, rather than an invisible layer
        }
    }

    /** The "Données indicatives" mark (bottom right) and the sources line (bottom left). */
    private static void drawMarks(Graphics2D g, Viewport vp, RenderOptions opts) {
        double k = opts.pixelRatio();
        if (opts.notice() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(12 * k)));
            label(g, opts.notice(), vp.width() - 8 * k, vp.height() - 8 * k, true, new Color(0x8a, 0x2b, 0x1f), k);
        }
        if (opts.attribution() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(10 * k)));
            label(g, opts.attribution(), 8 * k, vp.height() - 8 * k, false, new Color(0x44, 0x44, 0x44), k);
        }
    }

    private static void label(Graphics2D g, String text, double x, double baseline, boolean alignRight, Color c,
                              double k) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text);
        double left = alignRight ? x - w : x;
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(left - 4 * k, baseline - fm.getAscent() - 2 * k, w + 8 * k,
                fm.getAscent() + fm.getDescent() + 4 * k));
        g.setColor(c);
        g.drawString(text, (float) left, (float) baseline);
    }
}
