package fr.bassinminier.atlas.print.layout;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.print.PageFormat;
import fr.bassinminier.atlas.print.PdfFiles;
import fr.bassinminier.atlas.print.PdfFonts;
import fr.bassinminier.atlas.print.pdf.PdfCanvas;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Prints a document (a layout, a series, the heritage report) to a vector PDF, one page per
 * page, or to PNG images at a resolution. PDF text stays text in the embedded fonts.
 */
public final class PrintJob {
    /**
     * Device units per PDF point: the renderer drops vertices closer than half a unit and draws
     * features under one unit as dots, so a fine unit keeps small buildings as shapes.
     */
    public static final int PDF_UNIT = 4;

    private PrintJob() {
    }

    /** Writes a print request as a PDF (atomically) and returns the facts of each page. */
    public static List<PageFacts> pdf(LoadedProject project, PrintLayout.Request r, Path out) throws IOException,
            DataException {
        return pdf(PrintLayout.document(project, r), out);
    }

    /** Writes a print request as PNG images (see {@link #png(PrintDocument, Path, int)}). */
    public static List<PageFacts> png(LoadedProject project, PrintLayout.Request r, Path out, int dpi)
            throws DataException {
        return png(PrintLayout.document(project, r), out, dpi);
    }

    /** Writes a document as a PDF (atomically) and returns the facts of each page. */
    public static List<PageFacts> pdf(PrintDocument d, Path out) throws IOException, DataException {
        List<PageFacts> facts = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            PdfFonts.Fonts fonts = PdfFonts.load(doc);
            for (PrintDocument.Drawer p; (p = d.next().apply(facts)) != null; ) {
                facts.add(pdfPage(doc, fonts, d.format(), p));
            }
            PdfFiles.describe(doc, d.title(), d.author(), d.subject());
            PdfFiles.save(doc, out);
        }
        return facts;
    }

    private static PageFacts pdfPage(PDDocument doc, PdfFonts.Fonts fonts, PageFormat f, PrintDocument.Drawer drawer)
            throws IOException {
        PDPage page = new PDPage(f.rectangle());
        doc.addPage(page);
        // Features straight into the content stream; text and images through PDFBox's Graphics2D.
        PdfCanvas g = new PdfCanvas(doc, f.width(), f.height(), PdfFonts.textDrawer(fonts));
        PageFacts facts;
        try {
            g.scale(1.0 / PDF_UNIT, 1.0 / PDF_UNIT);
            facts = drawer.draw(g, PDF_UNIT);
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
     * beside it for more (the first page's file is renamed when a second page comes).
     */
    public static List<PageFacts> png(PrintDocument d, Path out, int dpi) throws DataException {
        if (dpi < 30 || dpi > 600) throw new IllegalArgumentException(Localization.text("print.error.dpi", dpi));
        List<PageFacts> facts = new ArrayList<>();
        int[] px = pixels(d.format(), dpi);
        BufferedImage img = new BufferedImage(px[0], px[1], BufferedImage.TYPE_INT_RGB);
        for (PrintDocument.Drawer p; (p = d.next().apply(facts)) != null; ) {
            Graphics2D g = img.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, px[0], px[1]);
                facts.add(p.draw(g, dpi / 72.0));
            } finally {
                g.dispose();
            }
            if (facts.size() == 2) move(out, numbered(out, 1));
            AtomicFiles.write(facts.size() == 1 ? out : numbered(out, facts.size()), o -> ImageIO.write(img, "png", o));
        }
        return facts;
    }

    private static void move(Path from, Path to) throws DataException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException(to, DataException.Problem.WRITE_FAILED, Localization.text("print.error.write", e.getMessage()), e);
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
