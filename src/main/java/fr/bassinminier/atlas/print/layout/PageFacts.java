package fr.bassinminier.atlas.print.layout;

import java.util.List;

/**
 * What one printed page shows, for scripts that check a print. Boxes on the page are in PDF
 * points with the origin at the bottom-left corner; ground coordinates are Lambert-93 metres.
 *
 * @param frame  map frame on the page: {x0, y0, x1, y1}
 * @param ground ground extent shown in the frame: {minx, miny, maxx, maxy}
 * @param convergenceDegrees angle from grid north to true north at the centre (clockwise positive)
 * @param legendMissing titles of the layers the page's legend could not show whole (empty: complete)
 * @param legendPage    whether this is a page of legend only, following its map page
 */
public record PageFacts(int page, String title, double width, double height, double[] frame, double[] ground,
                        double scale, double convergenceDegrees, List<LegendItem> legend, List<String> legendMissing,
                        boolean legendPage) {
    /** One legend line: the layer's title and the class label (empty for a one-class layer). */
    public record LegendItem(String layer, String label) {
    }

    /** Where a ground point falls on the page, in points from the bottom-left corner. */
    public double[] toPage(double x, double y) {
        double px = frame[0] + (x - ground[0]) / (ground[2] - ground[0]) * (frame[2] - frame[0]);
        double py = frame[1] + (y - ground[1]) / (ground[3] - ground[1]) * (frame[3] - frame[1]);
        return new double[] {px, py};
    }
}
