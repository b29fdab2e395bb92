package fr.bassinminier.atlas.model.style;

/** Number formatting shared by the writer and the model's factories. */
public final class Numbers {
    private Numbers() {
    }

    /** "5" rather than "5.0", so that written styles look like the ones people write. */
    public static String format(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    public static double clamp01(double d) {
        return Math.max(0, Math.min(1, d));
    }
}
