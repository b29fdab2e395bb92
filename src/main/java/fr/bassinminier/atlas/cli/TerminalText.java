package fr.bassinminier.atlas.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints passes through here: control characters are dropped, so that a
 * value read from a file (an attribute, a .cpg, a name) cannot move the cursor, retitle the
 * window, hide text or fake a prompt with terminal escape sequences. Kept: tab, line feed and
 * carriage return. Dropped: the other C0 controls (ESC among them), DEL, the C1 controls and
 * the bidirectional overrides that can make text read differently from what it is.
 */
final class TerminalText extends FilterWriter {
    private TerminalText(Writer out) {
        super(out);
    }

    /** A writer that filters, flushing through on each line as the original did. */
    static PrintWriter safe(PrintWriter out) {
        return new PrintWriter(new TerminalText(out), true);
    }

    static boolean unsafe(int c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** The text without the characters above. */
    static String strip(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (!unsafe(c)) out.write(c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(strip(str.substring(off, off + len)));
    }
}
