package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a text file whose lines are not all in one encoding: rows pasted from a UTF-8 file
 * into one saved by Excel as Windows-1252 (or the reverse) would otherwise be committed as
 * mojibake ("CitÃ©"), whichever single encoding the file is decoded with.
 */
final class MixedEncoding {
    private static final int SHOWN = 10;

    private MixedEncoding() {
    }

    /** {@code start}: where the text begins (after a byte-order mark, which declares UTF-8). */
    static void check(Path file, byte[] bytes, int start) throws DataException {
        boolean bom = start == 3;
        List<Integer> utf8 = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int from = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') continue;
            boolean ascii = true;
            for (int k = from; k < i && ascii; k++) ascii = bytes[k] >= 0;
            if (!ascii) {
                try {
                    strict.reset().decode(ByteBuffer.wrap(bytes, from, i - from));
                    utf8.add(line);
                } catch (CharacterCodingException e) {
                    other.add(line);
                }
            }
            line++;
            from = i + 1;
        }
        if (other.isEmpty() || (utf8.isEmpty() && !bom)) return;
        String detail = bom
                ? Localization.text("records.fileDeclaresItselfUtf", lines(other))
                : Localization.text("records.mixedEncodingsUtfAnother", lines(utf8), lines(other));
        throw new DataException(file, Problem.ENCODING, Localization.text("records.accentedLettersWouldSaved", detail));
    }

    private static String lines(List<Integer> ls) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, ls.size()); i++) s.add(Integer.toString(ls.get(i)));
        String more = ls.size() > SHOWN ? " … (" + ls.size() + " en tout)" : "";
        return (ls.size() == 1 ? "ligne " : "lignes ") + String.join(", ", s) + more;
    }
}
