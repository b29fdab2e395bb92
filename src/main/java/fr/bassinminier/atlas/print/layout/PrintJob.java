package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.print.PdfFiles;
import fr.bassinminier.atlas.print.PdfFonts;
import fr.bassinminier.atlas.print.PdfMap;
import fr.bassinminier.atlas.print.pdf.PdfCanvas;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Prints a layout to a vector PDF (one page per planned page) or to PNG images at a resolution. */
public final class PrintJob {
    private PrintJob() {
    }

    /** Writes a PDF (atomically) and returns the facts of each page. */
    public static List<PageFacts> pdf(LoadedProject project, PrintLayout.Request r, Path out) throws IOException,
            DataException {
        PrintTemplate t = r.template();
        PageFormat f = PrintLayout.format(t);
        List<PrintLayout.Page> pages = PrintLayout.plan(project, r);
        List<PageFacts> facts = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            PdfFonts.Fonts fonts = PdfFonts.load(doc);
            for (PrintLayout.Page p : pages) {
                PageFacts map = pdfPage(doc, fonts, f, g -> PrintLayout.draw(g, PdfMap.UNITS_PER_POINT, project, t, p,
                        facts.size() + 1, r.basemap(), r.legendPage()));
                facts.add(map);
                if (r.legendPage() && !map.legendMissing().isEmpty()) {
                    facts.add(pdfPage(doc, fonts, f, g -> PrintLayout.drawLegendPage(g, PdfMap.UNITS_PER_POINT, project,
                            t, p, map, facts.size() + 1)));
                }
            }
            PdfFiles.describe(doc, pages.get(0).title() == null ? "Carte" : pages.get(0).title(), t.author(),
                    project.project().title());
            PdfFiles.save(doc, out);
        }
        return facts;
    }

    private static PageFacts pdfPage(PDDocument doc, PdfFonts.Fonts fonts, PageFormat f,
                                     java.util.function.Function<Graphics2D, PageFacts> drawer) throws IOException {
        PDPage page = new PDPage(f.rectangle());
        doc.addPage(page);
        // Features straight into the content stream; text and images through PDFBox's Graphics2D.
        PdfCanvas g = new PdfCanvas(doc, f.width(), f.height(), PdfFonts.textDrawer(fonts));
        PageFacts facts;
        try {
            g.scale(1.0 / PdfMap.UNITS_PER_POINT, 1.0 / PdfMap.UNITS_PER_POINT);
            facts = drawer.apply(g);
        } finally {
            g.dispose();
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawForm(g.getXFormObject());
        }
        return facts;
    }

    /** The pixel size of a page at a resolution. */
    public static int[] pixels(PageFormat f, int dpi) {
        return new int[] {(int) Math.round(f.width() * dpi / 72.0), (int) Math.round(f.height() * dpi / 72.0)};
    }

    /**
     * Writes PNG images at {@code dpi}: the file itself for one page, NAME-001.png, NAME-002.png …
     * beside it for a series.
     */
    public static List<PageFacts> png(LoadedProject project, PrintLayout.Request r, Path out, int dpi)
            throws DataException {
        if (dpi < 30 || dpi > 600) throw new IllegalArgumentException("résolution hors limites : " + dpi
                + " ppp (30 à 600)");
        PrintTemplate t = r.template();
        PageFormat f = PrintLayout.format(t);
        List<PrintLayout.Page> pages = PrintLayout.plan(project, r);
        List<PageFacts> facts = new ArrayList<>();
        int[] px = pixels(f, dpi);
        double unit = dpi / 72.0;
        for (PrintLayout.Page p : pages) {
            BufferedImage img = new BufferedImage(px[0], px[1], BufferedImage.TYPE_INT_RGB);
            PageFacts map = pngPage(img, g -> PrintLayout.draw(g, unit, project, t, p, facts.size() + 1,
                    r.basemap(), r.legendPage()));
            facts.add(map);
            boolean legendFollows = r.legendPage() && !map.legendMissing().isEmpty();
            // One file for one page; numbered files for a series or a map page with its legend page.
            boolean single = pages.size() == 1 && !legendFollows;
            AtomicFiles.write(single ? out : numbered(out, map.page()), o -> ImageIO.write(img, "png", o));
            if (legendFollows) {
                PageFacts lp = pngPage(img, g -> PrintLayout.drawLegendPage(g, unit, project, t, p, map,
                        facts.size() + 1));
                facts.add(lp);
                AtomicFiles.write(numbered(out, lp.page()), o -> ImageIO.write(img, "png", o));
            }
        }
        return facts;
    }

    private static PageFacts pngPage(BufferedImage img, java.util.function.Function<Graphics2D, PageFacts> drawer) {
        Graphics2D g = img.createGraphics();
        try {
            return drawer.apply(g);
        } finally {
            g.dispose();
        }
    }

    /** map.png → map-003.png. */
    public static Path numbered(Path out, int n) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".png";
        return out.resolveSibling(String.format("%s-%03d%s", base, n, ext));
    }
}
