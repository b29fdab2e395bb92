package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

/**
 * An SLD document could not be used: malformed XML, a refused construct (DOCTYPE) or a
 * structure this program cannot honour. The message is French and meant for the user; it names
 * the source, the line and the element, e.g. « styles/cites.sld, ligne 42 : élément
 * &lt;ogc:PropertyIsEqualTo&gt; incomplet (PropertyName manquant) ».
 */
public class SldException extends Exception {
    private final String source;
    private final int line;

    public SldException(String source, int line, String detail) {
        this(source, line, detail, null);
    }

    public SldException(String source, int line, String detail, Throwable cause) {
        super(format(source, line, detail), cause);
        this.source = source;
        this.line = line;
    }

    static String format(String source, int line, String detail) {
        String where = source == null || source.isBlank() ? "SLD" : source;
        return line > 0 ? where + ", ligne " + line + " : " + detail : where + " : " + detail;
    }

    /** The file name or other label given to the parser. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, or 0 when it is not tied to a line. */
    public int line() {
        return line;
    }
}
