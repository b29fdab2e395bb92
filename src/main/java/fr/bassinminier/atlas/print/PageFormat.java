package fr.bassinminier.atlas.print;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A page size in PDF points (1/72 inch) and the conversions a print layout needs. A point on
 * paper is 0.3528 mm: at 1:5 000 it stands for 1.76 m of ground.
 */
public record PageFormat(String name, float width, float height) {
    public static final double METRES_PER_POINT = 0.0254 / 72;

    public PDRectangle rectangle() {
        return new PDRectangle(width, height);
    }

    public static float mm(double millimetres) {
        return (float) (millimetres / 25.4 * 72);
    }

    /** Ground metres one paper point stands for at a scale 1:denominator. */
    public static double groundMetresPerPoint(double scaleDenominator) {
        return scaleDenominator * METRES_PER_POINT;
    }
}
