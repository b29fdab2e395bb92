package fr.bassinminier.atlas.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guessing the encoding of attribute text when a file does not say it. French files from
 * ArcGIS or MapInfo are mostly Windows-1252 with no declaration; UTF-8 is the only common
 * encoding where a random Latin-1 accented text is almost never valid, so "valid UTF-8 means
 * UTF-8, else Windows-1252" decides safely.
 */
public final class TextDecoding {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    public static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise. */
    public static Charset guess(byte[] sample) {
        return isValidUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /**
     * The charset named by a .cpg file ("UTF-8", "1252", "ISO-8859-1", "65001" …), or null
     * when the name is unknown.
     */
    public static Charset fromCpg(String cpg) {
        if (cpg == null) return null;
        String s = cpg.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.isEmpty()) return null;
        switch (s) {
            case "UTF-8", "UTF8", "65001": return StandardCharsets.UTF_8;
            case "1252", "ANSI 1252", "CP1252", "WINDOWS-1252": return WINDOWS_1252;
            case "ISO-8859-1", "ISO8859-1", "88591", "8859-1", "ISO88591", "LATIN1": return StandardCharsets.ISO_8859_1;
            case "ISO-8859-15", "885915", "ISO885915": return Charset.forName("ISO-8859-15");
            case "437", "CP437": return Charset.forName("IBM437");
            case "850", "CP850": return Charset.forName("IBM850");
            default:
                try {
                    return Charset.forName(s);
                } catch (IllegalArgumentException e) {
                    return null;
                }
        }
    }

    /**
     * The charset of a dBASE language driver id (byte 29 of the header), or null when the
     * byte is 0 or unknown: 0 is what most writers put, and means "not said".
     */
    public static Charset fromLanguageDriver(int ldid) {
        return switch (ldid & 0xff) {
            case 0x01 -> Charset.forName("IBM437");
            case 0x02, 0x37, 0x64 -> Charset.forName("IBM850");
            case 0x57, 0x03 -> WINDOWS_1252;
            case 0x58, 0x59 -> WINDOWS_1252;
            default -> null;
        };
    }
}
