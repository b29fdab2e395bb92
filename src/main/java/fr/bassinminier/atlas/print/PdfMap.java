package fr.bassinminier.atlas.print;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.style.Rule;
import fr.bassinminier.atlas.model.style.Symbolizer;
import fr.bassinminier.atlas.model.style.TextSymbolizer;
import fr.bassinminier.atlas.print.pdf.PdfCanvas;
import fr.bassinminier.atlas.render.LegendSwatch;
import fr.bassinminier.atlas.render.MapRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import fr.bassinminier.atlas.style.sld.Styles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Envelope;

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
        PdfCanvas g = new PdfCanvas(doc, rect.getWidth(), rect.getHeight(), PdfFonts.textDrawer(fonts));
        try {
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
     * A legend swatch of a layer as the map draws it at this scale: the symbols of the rules that
     * draw its first feature (whose attributes stand in for the swatch's), by the one legend drawer.
     */
    public static void swatch(PDPageContentStream cs, PDDocument doc, PDRectangle rect, ProjectLayer layer, int ordinal,
                              double scaleDenominator) throws IOException {
        if (!layer.isLoaded()) return;
        VectorLayer data = layer.data();
        Feature first = data.first();
        if (first == null) first = new Feature(0, null, data.schema(), new Object[data.schema().size()]);
        List<Symbolizer> symbols = new ArrayList<>();
        for (Rule r : Styles.rulesFor(Styles.of(layer, ordinal), first, scaleDenominator)) {
            for (Symbolizer s : r.symbolizers()) if (!(s instanceof TextSymbolizer)) symbols.add(s);
        }
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, rect.getWidth(), rect.getHeight());
        try {
            g.scale(1.0 / UNITS_PER_POINT, 1.0 / UNITS_PER_POINT);
            LegendSwatch.draw(g, new Rectangle2D.Double(0, 0, rect.getWidth() * UNITS_PER_POINT,
                    rect.getHeight() * UNITS_PER_POINT), symbols, UNITS_PER_POINT * POINTS_PER_SCREEN_PIXEL);
        } finally {
            g.dispose();
        }
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(rect.getLowerLeftX(), rect.getLowerLeftY()));
        cs.drawForm(g.getXFormObject());
        cs.restoreGraphicsState();
    }
}
