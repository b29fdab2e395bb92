package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.print.pdf.PdfCanvas;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.print.NorthArrow;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.print.ScaleBar;
import fr.bassinminier.atlas.render.MapRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.TileProvider;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A map frame on a page, the one way every page (a print, a report) shows a map: the project at
 * an exact scale with the screen's renderer (lines and text sized as on screen, a 96 dpi pixel
 * being 0.75 pt), the "indicative data" mark, what the page draws over the map, a scale bar, a
 * north arrow and a border. Drawn on page graphics of {@code unit} device units per point, y down.
 */
public final class MapFrame {
    /** Points per 96 dpi screen pixel: a 1 px line prints 0.26 mm as it looks on screen. */
    static final double POINTS_PER_SCREEN_PIXEL = 72.0 / 96;

    /** Drawing over the map, in the frame's device units (origin at its top-left corner). */
    @FunctionalInterface
    public interface Overlay {
        void draw(Graphics2D g, Viewport vp, double unit);
    }

    private MapFrame() {
    }

    /** The frame's viewport: the frame snapped to whole device units, so that frame and ground agree exactly. */
    static Viewport viewport(Rectangle2D frame, double cx, double cy, double scale, double unit) {
        int wu = (int) Math.max(1, Math.round(frame.getWidth() * unit));
        int hu = (int) Math.max(1, Math.round(frame.getHeight() * unit));
        return new Viewport(cx, cy, PageFormat.groundMetresPerPoint(scale) / unit, wu, hu);
    }

    /**
     * Draws the map of {@code vp} with its top-left corner at {@code frame}'s (points).
     *
     * @param s      the page's furniture factor (1 on A4): size of the scale bar and north arrow
     * @param mag    how much larger than on a screen symbols, line widths and labels are drawn (1 on A4)
     * @param north  the arrow's angle from map up, radians clockwise: 0 for grid north, or true north
     */
    static void draw(Graphics2D g, double unit, double s, double mag, LoadedProject project, Viewport vp, Rectangle2D frame,
                     double scale, TileProvider basemap, String notice, double north, Overlay overlay) {
        int xu = (int) Math.round(frame.getX() * unit);
        int yu = (int) Math.round(frame.getY() * unit);
        int wu = vp.width();
        int hu = vp.height();
        Graphics2D mg = (Graphics2D) g.create();
        try {
            mg.translate(xu, yu);
            mg.clip(new Rectangle2D.Double(0, 0, wu, hu));
            RenderRequest req = RenderRequest.onPaper(vp, scale, unit * POINTS_PER_SCREEN_PIXEL).magnified(mag).clippedToFrame()
                    .withMarks(notice, null).withBasemap(basemap, true);
            // In a PDF, features under a device unit stay their polygon with its outline, as QGIS prints
            // them (dots would make dense areas paler); images take the screen's dots.
            new MapRenderer().render(mg, project.layers(), g instanceof PdfCanvas ? req.asVector() : req);
            if (overlay != null) overlay.draw(mg, vp, unit);
            double u = unit * s;
            ScaleBar.draw(mg, 10 * u, hu - 24 * u, vp.resolution(), Math.min(wu * 0.3, 200 * u), u);
            NorthArrow.draw(mg, wu - 22 * u, 24 * u, 28 * u, north, u);
        } finally {
            mg.dispose();
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke((float) (0.8 * unit)));
        g.draw(new Rectangle2D.Double(xu, yu, wu, hu));
    }

    /** The facts of a page with a map frame drawn by {@link #draw}; the frame in points from the bottom-left. */
    static PageFacts facts(int number, String title, PageFormat f, Rectangle2D frame, Viewport vp, double unit,
                           double scale, double convergence, List<PageFacts.LegendItem> legend, List<String> missing) {
        double x0 = Math.round(frame.getX() * unit) / unit;
        double y0 = f.height() - (Math.round(frame.getY() * unit) + vp.height()) / unit;
        Envelope ground = vp.ground();
        return new PageFacts(number, title, f.width(), f.height(),
                new double[] {x0, y0, x0 + vp.width() / unit, y0 + vp.height() / unit},
                new double[] {ground.getMinX(), ground.getMinY(), ground.getMaxX(), ground.getMaxY()},
                scale, convergence, List.copyOf(legend), List.copyOf(missing), false);
    }

    /** The scale at which the envelope exactly fills a frame of w × h points (in one direction, the other with room). */
    public static double exactScale(Envelope ground, double w, double h) {
        return Math.max(ground.getWidth() / w, ground.getHeight() / h) / PageFormat.METRES_PER_POINT;
    }

    /**
     * The smallest of the usual map scales (1:500 … 1:1 000 000) at which the envelope fits in a
     * frame of w × h points, so that the printed scale is a round one a reader can use with a ruler.
     */
    public static double fitScale(Envelope ground, double w, double h) {
        double needed = exactScale(ground, w, h);
        double[] usual = {500, 1000, 1500, 2000, 2500, 5000, 7500, 10_000, 15_000, 20_000, 25_000, 50_000,
                75_000, 100_000, 150_000, 200_000, 250_000, 500_000, 1_000_000};
        for (double s : usual) if (s >= needed) return s;
        return Math.ceil(needed / 1_000_000) * 1_000_000;
    }
}
