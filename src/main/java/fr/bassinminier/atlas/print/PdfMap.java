package fr.bassinminier.atlas.print;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.render.MapRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Draws a map project into a rectangle of a PDF page at an exact scale, with the program's
 * renderer on PDFBox's Graphics2D: polygons, lines, hatching and labels stay vectors and text.
 *
 * <p>The map is drawn in "device units" of 1/{@value #UNITS_PER_POINT} point: the renderer
 * drops vertices closer than half a unit and draws features under one unit as dots, so a fine
 * unit keeps small buildings as shapes. Line widths and text are scaled like the screen's (a
 * 96 dpi pixel is 0.75 pt).
 */
public final class PdfMap {
    /** Device units per PDF point. */
    public static final int UNITS_PER_POINT = 4;
    /** Points per screen pixel at 96 dpi, so that a 1 px line prints 0.26 mm as it looks on screen. */
    private static final double POINTS_PER_SCREEN_PIXEL = 72.0 / 96;

    private PdfMap() {
    }

    /** Extra drawing over the map, in the viewport's units (y down, {@link Placed#unit()} units per point). */
    @FunctionalInterface
    public interface Overlay {
        void draw(Graphics2D g, Placed map);
    }

    /**
     * Where and how a map was drawn.
     *
     * @param viewport the ground shown, in device units
     * @param rect     the page rectangle (PDF user space, origin bottom-left)
     * @param scaleDenominator the exact scale on paper
     */
    public record Placed(Viewport viewport, PDRectangle rect, double scaleDenominator) {
        /** Device units per typographic point. */
        public double unit() {
            return UNITS_PER_POINT;
        }

        /** Ground metres per device unit. */
        public double metresPerUnit() {
            return viewport.resolution();
        }
    }

    /** The viewport that shows the ground around (cx, cy) at 1:scale in a rectangle of the page. */
    public static Viewport viewport(PDRectangle rect, double cx, double cy, double scaleDenominator) {
        double resolution = PageFormat.groundMetresPerPoint(scaleDenominator) / UNITS_PER_POINT;
        return new Viewport(cx, cy, resolution, Math.max(1, Math.round(rect.getWidth() * UNITS_PER_POINT)),
                Math.max(1, Math.round(rect.getHeight() * UNITS_PER_POINT)));
    }

    /** A map on this page at 1:scale: lines and text sized as on screen (a 96 dpi pixel is 0.75 pt). */
    static RenderRequest request(Viewport vp, double scaleDenominator) {
        return RenderRequest.onPaper(vp, scaleDenominator, UNITS_PER_POINT * POINTS_PER_SCREEN_PIXEL);
    }

    /** The scale at which the envelope exactly fills the rectangle (in one direction, the other with room). */
    public static double exactScale(Envelope ground, PDRectangle rect) {
        return Math.max(ground.getWidth() / rect.getWidth(), ground.getHeight() / rect.getHeight())
                / PageFormat.METRES_PER_POINT;
    }

    /**
     * The smallest of the usual map scales (1:500 … 1:1 000 000) at which the envelope fits in
     * the rectangle, so that the printed scale is a round one a reader can use with a ruler.
     */
    public static double fitScale(Envelope ground, PDRectangle rect) {
        double needed = Math.max(ground.getWidth() / rect.getWidth(), ground.getHeight() / rect.getHeight())
                / PageFormat.METRES_PER_POINT;
        double[] usual = {500, 1000, 1500, 2000, 2500, 5000, 7500, 10_000, 15_000, 20_000, 25_000, 50_000,
                75_000, 100_000, 150_000, 200_000, 250_000, 500_000, 1_000_000};
        for (double s : usual) if (s >= needed) return s;
        return Math.ceil(needed / 1_000_000) * 1_000_000;
    }

    /**
     * Draws the project's visible layers in {@code rect} of the page (origin bottom-left, points),
     * centred on (cx, cy) at 1:{@code scaleDenominator}, then the overlay, then a thin frame.
     */
    public static Placed draw(PDDocument doc, PDPageContentStream cs, PdfFonts.Fonts fonts, PDRectangle rect,
                              LoadedProject project, double cx, double cy, double scaleDenominator,
                              String notice, Overlay overlay) throws IOException {
        Viewport vp = viewport(rect, cx, cy, scaleDenominator);
        Placed placed = new Placed(vp, rect, scaleDenominator);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, rect.getWidth(), rect.getHeight());
        try {
            g.setFontTextDrawer(PdfFonts.textDrawer(fonts));
            g.scale(1.0 / UNITS_PER_POINT, 1.0 / UNITS_PER_POINT);
            // Vector output: features under a device unit stay polygons with their outline (as
            // QGIS prints them) rather than the screen's dots.
            new MapRenderer().render(g, project.layers(), request(vp, scaleDenominator).withMarks(notice, null).asVector()
                    .clippedToFrame());
            if (overlay != null) overlay.draw(g, placed);
        } finally {
            g.dispose();
        }
        PDFormXObject form = g.getXFormObject();
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(rect.getLowerLeftX(), rect.getLowerLeftY()));
        cs.drawForm(form);
        cs.restoreGraphicsState();
        cs.saveGraphicsState();
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.setLineWidth(0.8f);
        cs.addRect(rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight());
        cs.stroke();
        cs.restoreGraphicsState();
        return placed;
    }

    /**
     * A legend swatch: a square (or a line, or a point, after the layer's geometry) drawn by the
     * renderer with the layer's own style (its SLD rules or simple style) at the map's scale, so
     * that the legend matches the map whatever the project's styling. The first feature's
     * attributes stand in for the swatch's, so that rules filtering on them still apply.
     */
    public static void swatch(PDDocument doc, PDPageContentStream cs, PdfFonts.Fonts fonts, PDRectangle rect,
                              ProjectLayer layer, double scaleDenominator) throws IOException {
        if (!layer.isLoaded()) return;
        Viewport vp = viewport(rect, 0, 0, scaleDenominator);
        Envelope e = vp.ground();
        double mx = e.getWidth() * 0.08;
        double my = e.getHeight() * 0.12;
        GeometryFactory gf = new GeometryFactory();
        VectorLayer data = layer.data();
        Geometry g = switch (data.geometryType().family()) {
            case POINT -> gf.createPoint(new Coordinate(0, 0));
            case LINE -> gf.createLineString(new Coordinate[] {new Coordinate(e.getMinX() + mx, 0),
                    new Coordinate(e.getMaxX() - mx, 0)});
            default -> gf.toGeometry(new Envelope(e.getMinX() + mx, e.getMaxX() - mx, e.getMinY() + my, e.getMaxY() - my));
        };
        Feature first = data.first();
        Feature proto = first == null
                ? new Feature(0, g, data.schema(), new Object[data.schema().size()])
                : first.withGeometry(g);
        VectorLayer one = new VectorLayer(data.name(), GeometryType.of(g), data.crs(), data.schema(), List.of(proto));
        LayerEntry en = layer.entry();
        LayerEntry noLabel = new LayerEntry(en.id(), en.title(), en.group(), en.source(), en.layerName(), true,
                en.opacity(), en.style(), null, en.attribution(), en.indicative(), en.description(), en.sld());
        ProjectLayer pl = new ProjectLayer(noLabel, one, null, layer.style(), null);
        PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, rect.getWidth(), rect.getHeight());
        try {
            g2.setFontTextDrawer(PdfFonts.textDrawer(fonts));
            g2.scale(1.0 / UNITS_PER_POINT, 1.0 / UNITS_PER_POINT);
            g2.clipRect(0, 0, vp.width(), vp.height());
            new MapRenderer().render(g2, List.of(pl), request(vp, scaleDenominator).withBackground(null));
        } finally {
            g2.dispose();
        }
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(rect.getLowerLeftX(), rect.getLowerLeftY()));
        cs.drawForm(g2.getXFormObject());
        cs.restoreGraphicsState();
    }
}
