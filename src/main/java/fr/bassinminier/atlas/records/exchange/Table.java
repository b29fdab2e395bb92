package fr.bassinminier.atlas.records.exchange;

import java.util.List;
import java.util.Map;

/**
 * A sheet read from or written to a spreadsheet: a name (the XLSX sheet, or the CSV file), the
 * header, and rows of cells keyed by header name, each with the line the user sees in Excel.
 */
public record Table(String name, List<String> header, List<Row> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** @param line the line number in the file (the header is line 1), for error messages */
    public record Row(int line, Map<String, String> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        }

        public String get(String column) {
            return cells.get(column);
        }

        public boolean isBlank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }
}
