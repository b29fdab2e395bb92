package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.FeatureSource;
import fr.bassinminier.atlas.model.PackedGeometry;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
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
import org.locationtech.jts.geom.GeometryFactory;
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

    /** Draws the request's map on g, whose origin is the viewport's top-left pixel. */
    public Stats render(Graphics2D g, List<ProjectLayer> layers, RenderRequest req) {
        long t0 = System.nanoTime();
        Viewport vp = req.viewport();
        hints(g);
        if (req.clipToFrame()) {
            g.clip(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
            layers = clipped(layers, vp.ground());
        }
        if (req.background() != null) {
            g.setColor(req.background());
            g.fill(new Rectangle2D.Double(0, 0, vp.width(), vp.height()));
        }
        drawBasemap(g, req);
        int[] counts = drawLayers(g, 0, vp.height(), layers, req, null, null);
        drawOverlays(g, layers, req);
        return new Stats(counts[0], counts[1], System.nanoTime() - t0);
    }

    /**
     * The background map, under everything; a failing tile source leaves the map without it
     * (the source reports its failure itself), never without its layers.
     */
    static BasemapPainter.Result drawBasemap(Graphics2D g, RenderRequest req) {
        if (req.basemap() == null) return null;
        Viewport vp = req.viewport();
        BooleanSupplier cancelled = req.cancel();
        double shrink = req.basemapRatio() / MAX_BASEMAP_RATIO;
        if (shrink <= 1) {
            return BasemapPainter.paint(g, vp, fr.bassinminier.atlas.model.CrsId.LAMBERT_93, req.basemap(),
                    req.basemapRatio(), req.waitForTiles(), cancelled);
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
            r = BasemapPainter.paint(ig, small, fr.bassinminier.atlas.model.CrsId.LAMBERT_93, req.basemap(),
                    MAX_BASEMAP_RATIO, req.waitForTiles(), cancelled);
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
    void drawOverlays(Graphics2D g, List<ProjectLayer> layers, RenderRequest req) {
        new LabelEngine().draw(g, layers, req);
        drawMarks(g, req);
    }

    /**
     * Draws the layers, bottom up, on the rows [rowMin, rowMax) of the view: the whole view, or
     * one band of it when a render is split between threads (g is then clipped to the band).
     * Each feature in view is counted by exactly one band: the one holding its top row.
     *
     * @param raster direct access to the pixels g draws on, for dots; null to draw them with g
     * @param scans   the scans shared by the bands of one image; null for a view drawn in one go
     * @return {layers drawn, features counted}
     */
    int[] drawLayers(Graphics2D g, int rowMin, int rowMax, List<ProjectLayer> layers, RenderRequest req,
                     DotRaster raster, SharedScans scans) {
        Viewport vp = req.viewport();
        ShapeBuilder shapes = new ShapeBuilder(vp, 0.5);
        int drawn = 0;
        int layerCount = 0;
        // Layer-tree order puts the top layer first: draw from the bottom up.
        for (int li = layers.size() - 1; li >= 0; li--) {
            ProjectLayer pl = layers.get(li);
            if (!pl.isLoaded() || !pl.entry().visible()) continue;
            drawn += drawLayer(g, vp, shapes, rowMin, rowMax, pl, li, req, raster, scans);
            layerCount++;
        }
        return new int[] {layerCount, drawn};
    }

    private int drawLayer(Graphics2D g, Viewport vp, ShapeBuilder shapes, int rowMin, int rowMax, ProjectLayer pl,
                          int ordinal, RenderRequest req, DotRaster raster, SharedScans scans) {
        if (req.cancelled()) throw new CancellationException();
        VectorLayer data = pl.data();
        LayerEntry e = pl.entry();
        Style style = Styles.of(pl, ordinal);
        Envelope view = vp.ground();
        boolean whole = rowMin <= 0 && rowMax >= vp.height();
        // A band also draws what lies just outside it but reaches into it (outlines, points).
        double marginPx = whole ? 0 : 2 + req.pixelRatio() * reach(style);
        Envelope area = whole ? view : band(vp, rowMin - marginPx, rowMax + marginPx);
        Composite before = g.getComposite();
        if (e.opacity() < 1) g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) e.opacity()));
        LayerPass pass = new LayerPass(g, vp, shapes, rowMin, rowMax, pl, style, req, raster, whole);
        try {
            if (scans == null || !scans.scan(ordinal, data, view, area, pass, pass.anyFeature == null)) {
                data.scan(area, pass);
            }
            pass.finish();
        } catch (CancellationException ce) {
            throw ce;
        } catch (RuntimeException ex) {
            // Bad data or a file failing as it is read: this layer is reported, the others are drawn.
            req.report(new RenderRequest.Notice(e.id(), e.title(), problem(ex)));
        } finally {
            g.setComposite(before);
        }
        return pass.counted;
    }

    /** How far, in logical pixels, a symbol reaches beyond its geometry: half a stroke, or a point symbol's radius. */
    private static double reach(Style style) {
        double r = 3; // the simple styles' usual 6 px point
        for (Rule rule : style.rules()) {
            for (Symbolizer sym : rule.symbolizers()) {
                try {
                    if (sym instanceof PolygonSymbolizer p && p.stroke() != null) r = Math.max(r, p.stroke().widthFor(null) / 2);
                    else if (sym instanceof LineSymbolizer l) r = Math.max(r, l.strokeOrDefault().widthFor(null) / 2);
                    else if (sym instanceof PointSymbolizer p) r = Math.max(r, reach(p.graphicOrDefault()));
                } catch (RuntimeException unknown) {
                    r = Math.max(r, 16); // a size read from the features: a generous margin
                }
            }
        }
        return r;
    }

    private static double reach(fr.bassinminier.atlas.model.style.Graphic g) {
        var d = g.displacement();
        return g.sizeFor(null) / 2 + 1 + (d == null ? 0 : Math.hypot(d.x(), d.y()));
    }

    /** One layer drawn on one band: what the scan of its source hands over, feature by feature. */
    private static final class LayerPass implements FeatureSource.Visitor {
        private final Graphics2D g;
        private final Viewport vp;
        private final ShapeBuilder shapes;
        private final int rowMin;
        private final int rowMax;
        private final ProjectLayer pl;
        private final BooleanSupplier cancelled;
        private final DotRaster raster;
        private final boolean whole;
        private final double k;
        private final Envelope view;
        private final double res;
        private final Style sld;
        private final Filter shown;
        private final double scale;
        private final double viewTop;
        private final boolean mayHavePoints;
        private final boolean vector;
        private final Path2D.Double reused = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        /** For a style that reads no attribute: its symbolizers and dot colour, the same for every feature. */
        private final Feature anyFeature;
        private final List<Symbolizer> constantSyms;
        private final Color constantDot;
        private boolean dense;
        private DotPath dotPath;
        private int n;
        int counted;

        LayerPass(Graphics2D g, Viewport vp, ShapeBuilder shapes, int rowMin, int rowMax, ProjectLayer pl, Style sld,
                  RenderRequest req, DotRaster raster, boolean whole) {
            this.g = g;
            this.vp = vp;
            this.shapes = shapes;
            this.rowMin = rowMin;
            this.rowMax = rowMax;
            this.pl = pl;
            this.sld = sld;
            this.cancelled = req.cancel();
            this.raster = raster;
            this.whole = whole;
            k = req.pixelRatio();
            vector = req.vector();
            view = vp.ground();
            res = vp.resolution();
            shown = pl.shown();
            scale = req.scaleDenominator();
            viewTop = view.getMaxY();
            // Only layers that may hold points need each geometry looked at before its envelope.
            GeometryType.Family family = pl.data().geometryType().family();
            mayHavePoints = family != GeometryType.Family.POLYGON && family != GeometryType.Family.LINE;
            if (shown == null && !readsAttributes(sld)) {
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
            // One batched path per layer needs one colour: a style whose rules colour each feature draws dot by dot.
            dotPath = dense && raster == null && constantDot != null
                    ? new DotPath(k, Math.min(hits, 1 << 22)) : null;
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
            Feature f = anyFeature != null ? anyFeature : c.attributes();
            if (shown != null && !shown.test(f)) return;
            // The rules that apply to this feature at this scale decide everything.
            List<Symbolizer> syms = constantSyms != null ? constantSyms : symbolizers(sld, f, scale);
            if (syms.isEmpty()) return;
            Color featureDot = constantSyms != null ? constantDot : dotColor(syms, f);
            Geometry geom = null;
            if (mayHavePoints) {
                geom = c.geometry();
                if (geom instanceof Puntal) {
                    paintSld(g, shapes, f, geom, null, syms, k, false);
                    return;
                }
            }
            double w = maxX - minX;
            double h = maxY - minY;
            // Both sides, not the area: a straight east-west road has no area but crosses the map.
            if (w < res && h < res && !vector) {
                // Sub-pixel feature: a dot keeps dense layers visible without building paths.
                if (featureDot == null) return;
                double x = shapes.screenX(minX);
                double y = shapes.screenY(maxY);
                if (raster != null && dense) {
                    raster.square(x, y, k, featureDot, pl.entry().opacity());
                } else if (dotPath != null) {
                    dotPath.add(x, y);
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
            // Point symbols on polygons or lines need the geometry for their anchors.
            if (geom == null && hasPointSymbol(syms)) geom = c.geometry();
            paintSld(g, shapes, f, geom, path, syms, k, areal);
        }

        void finish() {
            if (dotPath != null && !dotPath.isEmpty()) {
                g.setColor(constantDot);
                g.fill(dotPath);
            }
        }
    }

    /**
     * Whether the style reads any attribute: a rule filter or a property anywhere in its
     * symbolizers. Walks the style's records, so that a new kind of symbolizer is covered too.
     */
    public static boolean readsAttributes(Object node) {
        // Labels are placed by the label engine: what they read does not change how features are drawn.
        if (node == null || node instanceof TextSymbolizer) return false;
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
        Color fill = null;
        for (Symbolizer sym : syms) {
            if (sym instanceof PolygonSymbolizer p) {
                if (p.stroke() != null && p.stroke().widthFor(f) > 0) {
                    Color c = color(p.stroke().colorFor(f), 1);
                    if (c != null) return c;
                }
                if (fill == null && p.fill() != null && p.fill().graphicFill() == null) {
                    fill = color(p.fill().colorFor(f), p.fill().opacityFor(f));
                }
            } else if (sym instanceof LineSymbolizer l) {
                return color(l.strokeOrDefault().colorFor(f), 1);
            }
        }
        return fill;
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

    /**
     * The layers with every line and polygon cut to the frame (plus a margin for strokes): a
     * clip path hides what lies outside but the PDF would still carry every vertex of a commune
     * that merely touches the frame. Points, and geometries already inside, are kept as they are.
     */
    static List<ProjectLayer> clipped(List<ProjectLayer> layers, Envelope ground) {
        Envelope area = new Envelope(ground);
        area.expandBy(Math.max(ground.getWidth(), ground.getHeight()) * 0.02);
        Geometry rect = new GeometryFactory().toGeometry(area);
        List<ProjectLayer> out = new ArrayList<>(layers.size());
        for (ProjectLayer pl : layers) {
            // A layer read from its file as it is drawn is left whole (the frame's clip path still
            // hides what lies outside): cutting it would mean loading it.
            if (!pl.isLoaded() || !pl.entry().visible() || pl.data().isStreamed()
                    || pl.data().geometryType().family() == GeometryType.Family.POINT) {
                out.add(pl);
                continue;
            }
            VectorLayer data = pl.data();
            List<Feature> kept = new ArrayList<>();
            for (int idx : data.queryIndices(area)) {
                Feature f = data.features().get(idx);
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) continue;
                if (area.contains(g.getEnvelopeInternal()) || g.getDimension() == 0) {
                    kept.add(f);
                    continue;
                }
                try {
                    Geometry cut = g.intersection(rect);
                    if (cut.getGeometryType().equals("GeometryCollection")) {
                        // Keep the parts of the feature's own dimension (a polygon cut along an edge gives lines too).
                        List<Geometry> parts = new ArrayList<>();
                        for (int i = 0; i < cut.getNumGeometries(); i++) {
                            if (cut.getGeometryN(i).getDimension() == g.getDimension()) parts.add(cut.getGeometryN(i));
                        }
                        cut = g.getFactory().buildGeometry(parts);
                    }
                    if (!cut.isEmpty()) kept.add(f.withGeometry(cut));
                } catch (RuntimeException e) {
                    kept.add(f); // an invalid geometry is drawn whole rather than lost
                }
            }
            VectorLayer part = new VectorLayer(data.name(), data.geometryType(), data.crs(), data.schema(), kept);
            out.add(new ProjectLayer(pl.entry(), part, null, pl.style(), pl.styleError()));
        }
        return out;
    }

    /** What went wrong, for a notice: the exception's own (French) message, else its kind. */
    static String problem(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The ground under the rows [top, bottom) of the view, full width. */
    private static Envelope band(Viewport vp, double top, double bottom) {
        Envelope v = vp.ground();
        double t = Math.max(0, top);
        double b = Math.min(vp.height(), bottom);
        return new Envelope(v.getMinX(), v.getMaxX(), v.getMaxY() - b * vp.resolution(),
                v.getMaxY() - t * vp.resolution());
    }

    /** The part of the shape's bounds inside the clip (the image), where hatching can show. */
    static Rectangle2D visible(Graphics2D g, Shape area) {
        Rectangle2D b = area.getBounds2D();
        java.awt.Rectangle clip = g.getClipBounds();
        if (clip != null) b = b.createIntersection(clip);
        return b.isEmpty() ? new Rectangle2D.Double() : b;
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

    /**
     * The "Données indicatives" mark (bottom right) and the sources line (bottom left); the sources
     * go one line up when both do not fit side by side.
     */
    private static void drawMarks(Graphics2D g, RenderRequest req) {
        Viewport vp = req.viewport();
        double k = req.pixelRatio();
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(12 * k));
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(10 * k));
        double noticeWidth = 0;
        double noticeHeight = 0;
        if (req.notice() != null) {
            g.setFont(bold);
            FontMetrics fm = g.getFontMetrics();
            noticeWidth = fm.stringWidth(req.notice());
            noticeHeight = fm.getAscent() + fm.getDescent();
            label(g, req.notice(), vp.width() - 8 * k, vp.height() - 8 * k, true, new Color(0x8a, 0x2b, 0x1f), k);
        }
        if (req.attribution() != null) {
            g.setFont(plain);
            double width = g.getFontMetrics().stringWidth(req.attribution());
            boolean sideBySide = noticeWidth == 0 || 8 * k + width + 24 * k + noticeWidth <= vp.width();
            double baseline = vp.height() - 8 * k - (sideBySide ? 0 : noticeHeight + 6 * k);
            label(g, req.attribution(), 8 * k, baseline, false, new Color(0x44, 0x44, 0x44), k);
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
