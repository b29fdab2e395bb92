package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * XLSX through fastexcel (writer) and fastexcel-reader. Counts and amounts are written as
 * numbers so that Excel sums them; everything else as text, dates included, because the
 * sources give months ("2022-12") that an Excel date cannot hold. On reading, numbers come
 * back as plain text ("822", "1250000.5"), and a cell that Excel formats as a date (typed by
 * the user) as an ISO date.
 */
public final class XlsxTables {
    /** One sheet to write. {@code numeric}: columns written as numbers when their text is one. */
    public record SheetData(String name, List<String> header, List<List<String>> rows, Set<String> numeric) {
    }

    private XlsxTables() {
    }

    public static void write(Path target, List<SheetData> sheets) throws DataException {
        AtomicFiles.write(target, out -> {
            Workbook wb = new Workbook(out, "Atlas du Bassin Minier", "1.0");
            for (SheetData s : sheets) {
                Worksheet ws = wb.newWorksheet(s.name());
                for (int c = 0; c < s.header().size(); c++) {
                    ws.value(0, c, s.header().get(c));
                    ws.style(0, c).bold().fillColor("DDDDDD").set();
                }
                ws.freezePane(0, 1);
                int r = 1;
                for (List<String> row : s.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        String v = row.get(c);
                        if (v == null || v.isEmpty()) continue;
                        BigDecimal n = s.numeric().contains(s.header().get(c)) ? number(v) : null;
                        if (n != null) ws.value(r, c, n);
                        else ws.value(r, c, v);
                    }
                    r++;
                }
                for (int c = 0; c < s.header().size(); c++) ws.width(c, width(s, c));
            }
            wb.finish();
        });
    }

    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double width(SheetData s, int c) {
        int w = s.header().get(c).length();
        for (List<String> row : s.rows()) {
            if (c < row.size() && row.get(c) != null) w = Math.max(w, row.get(c).length());
        }
        return Math.min(60, Math.max(8, w + 2));
    }

    /** All sheets, in workbook order. */
    public static List<Table> read(Path file) throws DataException {
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(file);
        try {
            if (Files.size(file) > CsvTables.MAX_BYTES) {
                throw new DataException(file, Problem.TOO_LARGE, Localization.get("records.fileTooLargeCit"));
            }
        } catch (IOException e) {
            throw new DataException(file, Problem.IO, Localization.text("records.cannotRead", e.getMessage()), e);
        }
        XlsxGuard.check(file);
        List<Table> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<Row> rows = sheet.read();
                List<String> header = null;
                List<Table.Row> data = new ArrayList<>();
                for (Row row : rows) {
                    if (header == null) {
                        List<String> h = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) h.add(text(row.getCell(c), file, sheet, row).strip());
                        while (!h.isEmpty() && h.get(h.size() - 1).isEmpty()) h.remove(h.size() - 1);
                        if (!h.isEmpty()) header = h;
                        continue;
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        cells.put(header.get(c), c < row.getCellCount() ? text(row.getCell(c), file, sheet, row) : "");
                    }
                    Table.Row r = new Table.Row(row.getRowNum(), cells);
                    if (!r.isBlank()) data.add(r);
                }
                out.add(new Table(sheet.getName(), header == null ? List.of() : header, data));
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException(file, Problem.CORRUPT, Localization.text("records.unreadableXlsxWorkbook", e.getMessage()), e);
        }
        return out;
    }

    private static String text(Cell cell, Path file, Sheet sheet, Row row) {
        if (cell == null) return "";
        switch (cell.getType()) {
            case EMPTY:
                return "";
            case STRING:
                return cell.asString();
            case BOOLEAN:
                return Boolean.TRUE.equals(cell.asBoolean()) ? "oui" : "non";
            case NUMBER: {
                BigDecimal n = cell.asNumber();
                if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                    LocalDate d = LocalDate.of(1899, 12, 30).plusDays(n.longValue());
                    return d.toString();
                }
                return plain(n);
            }
            case FORMULA: {
                // The value Excel computed last; a formula result is taken as plain text.
                String raw = cell.getRawValue();
                return raw == null ? "" : raw;
            }
            case ERROR:
            default:
                return "#ERREUR " + cell.getRawValue();
        }
    }

    private static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0);
        return s.toPlainString();
    }

    /** Excel's built-in date formats (14–22, 45–47) and custom ones with day/month/year letters. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) return true;
        if (format == null) return false;
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
        if (f.contains("general") || f.contains("standard")) return false;
        return f.matches(".*[dmyj].*") && !f.matches("[0#,.\\s%]*");
    }
}
