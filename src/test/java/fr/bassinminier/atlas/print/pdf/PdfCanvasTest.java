package fr.bassinminier.atlas.print.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import fr.bassinminier.atlas.print.PdfFonts;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfCanvasTest {
    private static final float W = 400;
    private static final float H = 300;

    /** 2,000 features of one style: the state is written once, whatever the count. */
    @Test
    void sameStyleFeaturesWriteTheirStateOnce() throws IOException {
        int n = 2000;
        try (PDDocument doc = new PDDocument()) {
            PdfCanvas g = new PdfCanvas(doc, W, H, null);
            g.scale(0.25, 0.25); // the print's device units
            Color fill = new Color(0xDE, 0xBE, 0x96);
            Color outline = new Color(0x78, 0x50, 0x28);
            Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < n; i++) {
                double x = (i % 50) * 30;
                double y = (i / 50) * 25;
                p.reset(); // the renderer reuses one path object
                p.moveTo(x, y);
                p.lineTo(x + 20, y);
                p.lineTo(x + 20, y + 15);
                p.lineTo(x, y + 15);
                p.closePath();
                g.setColor(fill);
                g.fill(p);
                g.setColor(outline);
                g.setStroke(new BasicStroke(1.134f));
                g.draw(p);
            }
            g.dispose();
            Map<String, Integer> ops = operators(g.getXFormObject());
            assertEquals(n, ops.getOrDefault("B*", 0), "one path filled and outlined per feature: " + ops);
            for (String op : List.of("q", "Q", "rg", "RG", "w", "J", "j", "M", "d", "gs", "cm", "f", "f*", "S")) {
                assertTrue(ops.getOrDefault(op, 0) <= 1, op + " written " + ops.get(op) + " times for " + n
                        + " features of one style");
            }
            // One path per feature: a move, three lines (the line back to the start is the close).
            assertEquals(n, ops.get("m"));
            assertEquals(3 * n, ops.get("l"));
            assertEquals(n, ops.get("h"));
        }
    }

    /** What the canvas draws itself looks as PDFBox's Graphics2D draws it. */
    @Test
    void drawsLikePdfBoxGraphics2D() throws IOException {
        Consumer<Graphics2D> scene = g -> {
            g.scale(0.5, 0.5);
            g.setColor(new Color(30, 120, 200));
            g.fill(new Rectangle2D.Double(20, 20, 300, 200));
            g.setColor(new Color(200, 40, 40, 128)); // translucent
            g.fill(new Ellipse2D.Double(150, 100, 300, 250));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f)); // a layer's opacity
            g.setColor(Color.GREEN.darker());
            g.fill(new Rectangle2D.Double(500, 40, 150, 150));
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.BLACK);
            // (Dashes are left out: PDFBox's own renderer draws "[1000 500] 0 d" under a 0.01 scale a
            // little differently from "[10 5] 0 d"; poppler draws both alike.)
            g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Rectangle2D.Double(60, 300, 500, 200));
            Graphics2D c = (Graphics2D) g.create(); // a frame clipped and moved, as the layout's map
            c.translate(300, 250);
            c.clip(new Rectangle2D.Double(0, 0, 200, 150));
            c.setColor(Color.ORANGE);
            c.fill(new Ellipse2D.Double(-50, -50, 400, 300));
            c.setPaint(new GradientPaint(0, 0, Color.WHITE, 200, 0, Color.BLUE)); // drawn by PDFBox's Graphics2D
            c.fill(new Rectangle2D.Double(20, 20, 100, 40));
            c.dispose();
            g.setColor(new Color(0, 0, 0));
            g.setStroke(new BasicStroke(2));
            g.rotate(0.3, 400, 300);
            g.draw(new Rectangle2D.Double(350, 250, 100, 100));
        };
        BufferedImage ours = raster(doc -> new PdfCanvas(doc, W, H, null), scene);
        BufferedImage theirs = raster(doc -> new PdfBoxGraphics2D(doc, W, H), scene);
        // A pixel differs if no pixel of the other image within one pixel has its colour: PDFBox's
        // renderer moves some stroke edges by a pixel between the two coordinate systems (poppler
        // does not), which is not a change in the drawing.
        int differ = 0;
        for (int y = 1; y < ours.getHeight() - 1; y++) {
            for (int x = 1; x < ours.getWidth() - 1; x++) {
                boolean near = false;
                for (int dy = -1; dy <= 1 && !near; dy++) {
                    for (int dx = -1; dx <= 1 && !near; dx++) near = close(ours.getRGB(x, y), theirs.getRGB(x + dx, y + dy));
                }
                if (!near) differ++;
            }
        }
        assertTrue(differ < 50, differ + " pixels differ");
    }

    private static boolean close(int a, int b) {
        for (int s = 0; s < 24; s += 8) if (Math.abs(((a >> s) & 255) - ((b >> s) & 255)) > 48) return false;
        return true;
    }

    /** Text stays text, and does not take the opacity of what was filled before it. */
    @Test
    void textIsTextAndOpaqueAfterATranslucentFill() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PdfCanvas g = new PdfCanvas(doc, W, H, PdfFonts.textDrawer(PdfFonts.load(doc)));
            g.setColor(new Color(255, 0, 0, 60));
            g.fill(new Rectangle2D.Double(0, 0, 100, 100));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.setColor(Color.BLACK);
            g.drawString("Lens", 150, 100);
            BufferedImage black = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB); // all black
            g.drawImage(black, 300, 50, 40, 40, null);
            g.dispose();
            assertTrue(g.fallbackForms() >= 1);
            page(doc, g.getXFormObject());
            doc.save(bytes);
        }
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Lens"), "the label is text");
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            assertEquals(0, img.getRGB(320, 70) & 0xffffff, "the image is drawn opaque");
            assertEquals(0xff, (img.getRGB(50, 50) >> 16) & 0xff, "the translucent fill is red over white");
        }
    }

    private interface Canvas {
        Graphics2D create(PDDocument doc) throws IOException;
    }

    private static BufferedImage raster(Canvas canvas, Consumer<Graphics2D> scene) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            Graphics2D g = canvas.create(doc);
            scene.accept(g);
            g.dispose();
            PDFormXObject form = g instanceof PdfCanvas pc ? pc.getXFormObject()
                    : ((PdfBoxGraphics2D) g).getXFormObject();
            page(doc, form);
            doc.save(bytes);
        }
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            return new PDFRenderer(doc).renderImageWithDPI(0, 144);
        }
    }

    private static void page(PDDocument doc, PDFormXObject form) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawForm(form);
        }
    }

    private static Map<String, Integer> operators(PDFormXObject form) throws IOException {
        Map<String, Integer> count = new HashMap<>();
        PDFStreamParser parser = new PDFStreamParser(form);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op) count.merge(op.getName(), 1, Integer::sum);
        }
        assertTrue(form.getCOSObject().getItem(COSName.FILTER) != null, "the stream is compressed");
        return count;
    }
}
