package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.print.PageFormat;
import java.awt.Graphics2D;
import java.util.List;
import java.util.function.Function;

/**
 * Something {@link PrintJob} prints, page after page, as QGIS prints layouts and reports alike:
 * a map layout, a series, the heritage report.
 *
 * @param next the page after those already drawn (their facts given, so that a page may depend on
 *             the one before it), or null when the document is complete
 */
public record PrintDocument(PageFormat format, String title, String author, String subject,
                            Function<List<PageFacts>, Drawer> next) {
    /** Draws one page on page graphics: origin top-left, y down, {@code unit} device units per point. */
    @FunctionalInterface
    public interface Drawer {
        PageFacts draw(Graphics2D g, double unit);
    }
}
