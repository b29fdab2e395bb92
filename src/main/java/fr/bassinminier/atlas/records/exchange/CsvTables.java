package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.TextDecoding;
import fr.bassinminier.atlas.io.csv.CsvExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as French Excel reads and writes it, with the conventions of {@link CsvExport}: UTF-8
 * with a byte-order mark, ';' between fields, CRLF, RFC 4180 quoting. Reading also takes what
 * Excel saves back: "CSV (séparateur : point-virgule)" is Windows-1252 without a BOM, and a
 * file from LibreOffice or a script may use ','.
 */
public final class CsvTables {
    /** Larger files are refused: the records are a few thousand rows at most. */
    static final long MAX_BYTES = 50L << 20;

    private CsvTables() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) throws DataException {
        AtomicFiles.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            line(w, header);
            for (List<String> r : rows) line(w, r);
            w.flush();
        });
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(';');
            String c = cells.get(i);
            w.write(CsvExport.quote(c == null ? "" : CsvExport.neutralise(c)));
        }
        w.write("\r\n");
    }

    public static Table read(Path file) throws DataException {
        byte[] bytes;
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(file);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DataException(file, Problem.TOO_LARGE, Localization.get("records.fileTooLargeCit"));
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataException(file, Problem.NOT_FOUND, Localization.get("records.fileFound"));
        } catch (IOException e) {
            throw new DataException(file, Problem.IO, Localization.text("records.cannotRead", e.getMessage()), e);
        }
        int start = 0;
        Charset cs;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
            cs = StandardCharsets.UTF_8;
        } else {
            cs = TextDecoding.guess(bytes);
        }
        MixedEncoding.check(file, bytes, start);
        String text = new String(bytes, start, bytes.length - start, cs);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(file, text, separator(text), records, lines);
        if (records.isEmpty()) throw new DataException(file, Problem.CORRUPT, Localization.get("records.emptyFileHeaderLine"));
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) header.add(h.strip());
        List<Table.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > header.size() && rec.subList(header.size(), rec.size()).stream().anyMatch(s -> !s.isBlank())) {
                throw new DataException(file, Problem.CORRUPT, Localization.text("records.lineColumnsHeaderSeparator", lines.get(r), rec.size(), header.size()));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < rec.size() ? CsvExport.unneutralise(rec.get(c)) : "");
            }
            Table.Row row = new Table.Row(lines.get(r), cells);
            if (!row.isBlank()) rows.add(row);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new Table(name, header, rows);
    }

    /** ';' unless the header line has none and has commas. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(';') < 0 && first.indexOf(',') >= 0) return ',';
        if (first.indexOf(';') < 0 && first.indexOf('\t') >= 0) return '\t';
        return ';';
    }

    /** RFC 4180 with the given separator; records may span lines inside quotes. */
    private static void parse(Path file, String s, char sep, List<List<String>> out, List<Integer> lines)
            throws DataException {
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            List<String> rec = new ArrayList<>();
            int recordLine = line;
            StringBuilder cell = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && s.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new DataException(file, Problem.CORRUPT, Localization.text("records.lineQuoteOpenedNever", quoteLine));
                        }
                        char c = s.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && s.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') line++;
                        cell.append(c);
                        i++;
                    }
                    // Text after the closing quote means the quotes do not pair up: a value would
                    // silently swallow its neighbours, so the file is refused.
                    if (i < n && s.charAt(i) != sep && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        throw new DataException(file, Problem.CORRUPT, Localization.text("records.lineTextAfterClosing", line));
                    }
                }
                while (i < n && s.charAt(i) != sep && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    if (s.charAt(i) == '"') {
                        throw new DataException(file, Problem.CORRUPT, Localization.text("records.lineLoneQuoteMiddle", line));
                    }
                    cell.append(s.charAt(i));
                    i++;
                }
                rec.add(cell.toString());
                cell.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (s.charAt(i) == sep) {
                    i++;
                } else {
                    if (s.charAt(i) == '\r') i++;
                    if (i < n && s.charAt(i) == '\n') i++;
                    line++;
                    endOfRecord = true;
                }
            }
            out.add(rec);
            lines.add(recordLine);
        }
    }
}
