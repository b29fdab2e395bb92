package fr.bassinminier.atlas.style.sld;

/** Number formatting shared by the writer and the model's factories. */
final class Numbers {
    private Numbers() {
    }

    /** "5" rather than "5.0", so that written styles look like the ones people write. */
    static String format(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    static double clamp01(double d) {
        return Math.max(0, Math.min(1, d));
    }
}
