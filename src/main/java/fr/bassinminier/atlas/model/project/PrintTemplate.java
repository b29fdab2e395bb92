package fr.bassinminier.atlas.model.project;

/**
 * A print layout saved in a project: page, orientation, margins, texts and which furniture to
 * show. Projects without templates print with {@link #defaults(String)}.
 *
 * @param page       ISO page name: A4, A3, A2, A1 or A0
 * @param marginMm   page margin in millimetres
 * @param logo       path of an image (relative to the project file, or absolute); null for none
 * @param scale      scale denominator of the map (10000 for 1:10 000); 0 to fit the project's view
 */
public record PrintTemplate(String name, String page, boolean landscape, double marginMm, String title,
                            String subtitle, String text, String author, String logo, boolean legend,
                            boolean overview, double scale) {
    /** A title longer than this cannot fit a page anyway; a megabyte of it hung the layout. */
    public static final int MAX_TITLE = 500;
    public static final int MAX_TEXT = 5000;

    public PrintTemplate {
        if (name == null || name.isBlank()) name = "défaut";
        if (page == null || page.isBlank()) page = "A4";
        if (!(marginMm >= 0 && marginMm <= 100)) {
            throw new IllegalArgumentException("marge de " + marginMm + " mm (attendu : entre 0 et 100 mm)");
        }
        for (String s : new String[] {title, subtitle, author}) {
            if (s != null && s.length() > MAX_TITLE) {
                throw new IllegalArgumentException("texte de " + s.length() + " caractères pour un titre, un sous-titre "
                        + "ou un auteur (au plus " + MAX_TITLE + ")");
            }
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("texte de " + text.length() + " caractères (au plus " + MAX_TEXT + ")");
        }
        if (!(scale >= 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("échelle " + scale);
    }

    /** The template used when a project has none: A4 landscape, the project's title, legend and overview. */
    public static PrintTemplate defaults(String projectTitle) {
        String title = projectTitle != null && projectTitle.length() > MAX_TITLE
                ? projectTitle.substring(0, MAX_TITLE - 1) + "…" : projectTitle;
        return new PrintTemplate("défaut", "A4", true, 10, title, null, null, null, null, true, true, 0);
    }

    public PrintTemplate withPage(String p, boolean land) {
        return new PrintTemplate(name, p, land, marginMm, title, subtitle, text, author, logo, legend, overview, scale);
    }

    public PrintTemplate withScale(double s) {
        return new PrintTemplate(name, page, landscape, marginMm, title, subtitle, text, author, logo, legend, overview, s);
    }

    public PrintTemplate withTitle(String t) {
        return new PrintTemplate(name, page, landscape, marginMm, t, subtitle, text, author, logo, legend, overview, scale);
    }
}
