package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.UrbanWork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet layout of the records: one sheet of cités, one of tranches (with their
 * operation), one of urban works, and in XLSX a read-only sheet of history. Column names are
 * the field names of the records and of the history (stable: see README). In CSV each sheet is
 * its own file: FILE for the cités, FILE-tranches.csv and FILE-travaux-urbains.csv beside it.
 */
public final class RecordSheets {
    public static final String CITES = "Cités", TRANCHES = "Tranches", URBAN_WORKS = "Travaux urbains",
            HISTORY = "Historique";
    public static final String ID = "id", CITE_ID = "id_cite", CITE_NAME = "nom_cite";
    /**
     * Last column of the Cités, Tranches and Travaux urbains sheets: the edit the row was
     * exported at (read only). An import compares each row with the record as it was then, so
     * it applies only what the sheet changed and sees what others changed meanwhile.
     */
    public static final String VERSION = "version";
    public static final List<String> CITE_COLUMNS = Cite.COLUMNS;
    public static final List<String> TRANCHE_COLUMNS;
    public static final List<String> URBAN_COLUMNS;
    public static final List<String> HISTORY_COLUMNS = List.of("date", "utilisateur", "commentaire", "objet",
            "id_objet", "champ", "ancienne_valeur", "nouvelle_valeur");

    static {
        List<String> t = new ArrayList<>(List.of(ID, CITE_ID, CITE_NAME, Operation.NAME, Operation.PROGRAMME,
                Operation.OWNER));
        t.addAll(Tranche.COLUMNS);
        TRANCHE_COLUMNS = List.copyOf(t);
        List<String> u = new ArrayList<>(List.of(ID, CITE_ID, CITE_NAME));
        u.addAll(UrbanWork.COLUMNS.subList(1, UrbanWork.COLUMNS.size()));
        URBAN_COLUMNS = List.copyOf(u);
    }

    private RecordSheets() {
    }

    /** Which sheet a table is, from its name or else its header; null when unknown. */
    static String kind(Table t) {
        String n = fr.bassinminier.atlas.records.Labelled.key(t.name());
        if (n.equals(fr.bassinminier.atlas.records.Labelled.key(CITES))) return CITES;
        if (n.equals(fr.bassinminier.atlas.records.Labelled.key(TRANCHES))) return TRANCHES;
        if (n.equals(fr.bassinminier.atlas.records.Labelled.key(URBAN_WORKS))) return URBAN_WORKS;
        if (n.equals(fr.bassinminier.atlas.records.Labelled.key(HISTORY))) return HISTORY;
        List<String> h = t.header();
        if (h.contains(Tranche.NUMBER) && h.contains(Tranche.STATUS)) return TRANCHES;
        if (h.contains(UrbanWork.TITLE)) return URBAN_WORKS;
        if (h.contains("champ") && h.contains("ancienne_valeur")) return HISTORY;
        if (h.contains(Cite.ID) && (h.contains(Cite.NAME) || !h.contains(CITE_ID))) return CITES;
        return null;
    }

    public static List<List<String>> citeRows(RecordsSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (Cite c : s.cites()) rows.add(new ArrayList<>(c.cells().values()));
        return rows;
    }

    public static List<List<String>> trancheRows(RecordsSnapshot s) {
        Map<Long, Operation> ops = s.operationsById();
        Map<String, Cite> cites = s.citesById();
        Map<String, Integer> order = citeOrder(s);
        List<Tranche> ts = new ArrayList<>(s.tranches());
        ts.sort(Comparator.comparing((Tranche t) -> order.getOrDefault(ops.get(t.operationId()).citeId(), -1))
                .thenComparingLong(Tranche::operationId).thenComparingInt(Tranche::number));
        List<List<String>> rows = new ArrayList<>();
        for (Tranche t : ts) {
            Operation op = ops.get(t.operationId());
            Cite c = cites.get(op.citeId());
            List<String> r = new ArrayList<>();
            r.add(Long.toString(t.id()));
            r.addAll(List.of(op.citeId(), c == null ? "" : c.name()));
            Map<String, String> oc = op.cells();
            r.add(oc.get(Operation.NAME));
            r.add(oc.get(Operation.PROGRAMME));
            r.add(oc.get(Operation.OWNER));
            r.addAll(t.cells().values());
            rows.add(r);
        }
        return rows;
    }

    public static List<List<String>> urbanRows(RecordsSnapshot s) {
        Map<String, Cite> cites = s.citesById();
        Map<String, Integer> order = citeOrder(s);
        List<UrbanWork> ws = new ArrayList<>(s.urbanWorks());
        ws.sort(Comparator.comparing((UrbanWork w) -> order.getOrDefault(w.citeId(), -1)).thenComparingLong(UrbanWork::id));
        List<List<String>> rows = new ArrayList<>();
        for (UrbanWork w : ws) {
            Cite c = cites.get(w.citeId());
            List<String> r = new ArrayList<>();
            r.add(Long.toString(w.id()));
            r.add(w.citeId());
            r.add(c == null ? "" : c.name());
            List<String> cells = new ArrayList<>(w.cells().values());
            r.addAll(cells.subList(1, cells.size()));
            rows.add(r);
        }
        return rows;
    }

    public static List<List<String>> historyRows(List<HistoryEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry h : entries) {
            rows.add(java.util.Arrays.asList(h.at().toString(), h.user(), nz(h.comment()), h.entity(), h.entityId(),
                    h.field(), nz(h.oldValue()), nz(h.newValue())));
        }
        return rows;
    }

    private static Map<String, Integer> citeOrder(RecordsSnapshot s) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < s.cites().size(); i++) m.put(s.cites().get(i).id(), i);
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The files a CSV export writes: FILE, FILE-tranches.csv, FILE-travaux-urbains.csv. */
    public static List<Path> csvFiles(Path file) {
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return List.of(file, file.resolveSibling(stem + "-tranches.csv"), file.resolveSibling(stem + "-travaux-urbains.csv"));
    }

    /** Writes the three tables as CSV files, without base version; returns them. */
    public static List<Path> writeCsv(Path file, RecordsSnapshot s) throws DataException {
        return writeCsv(file, s, -1);
    }

    /**
     * Writes the three tables as CSV files; returns them. {@code version} is the edit the
     * snapshot was read at (read before it: see {@link fr.bassinminier.atlas.records.CiteStore#lastEditId}),
     * negative for none.
     */
    public static List<Path> writeCsv(Path file, RecordsSnapshot s, long version) throws DataException {
        List<Path> files = csvFiles(file);
        CsvTables.write(files.get(0), columns(CITE_COLUMNS, version), rows(citeRows(s), version));
        CsvTables.write(files.get(1), columns(TRANCHE_COLUMNS, version), rows(trancheRows(s), version));
        CsvTables.write(files.get(2), columns(URBAN_COLUMNS, version), rows(urbanRows(s), version));
        return files;
    }

    /** Writes one workbook: cités, tranches, urban works, and the history (not read back). */
    public static void writeXlsx(Path file, RecordsSnapshot s, List<HistoryEntry> history) throws DataException {
        writeXlsx(file, s, history, -1);
    }

    public static void writeXlsx(Path file, RecordsSnapshot s, List<HistoryEntry> history, long version)
            throws DataException {
        XlsxTables.write(file, List.of(
                new XlsxTables.SheetData(CITES, columns(CITE_COLUMNS, version), rows(citeRows(s), version),
                        Set.of(Cite.DWELLINGS, VERSION)),
                new XlsxTables.SheetData(TRANCHES, columns(TRANCHE_COLUMNS, version), rows(trancheRows(s), version),
                        Set.of(ID, Tranche.NUMBER, Tranche.DWELLINGS, Tranche.COST, VERSION)),
                new XlsxTables.SheetData(URBAN_WORKS, columns(URBAN_COLUMNS, version), rows(urbanRows(s), version),
                        Set.of(ID, UrbanWork.COST, VERSION)),
                new XlsxTables.SheetData(HISTORY, HISTORY_COLUMNS, historyRows(history), Set.of())));
    }

    private static List<String> columns(List<String> columns, long version) {
        if (version < 0) return columns;
        List<String> out = new ArrayList<>(columns);
        out.add(VERSION);
        return out;
    }

    private static List<List<String>> rows(List<List<String>> rows, long version) {
        if (version < 0) return rows;
        for (List<String> r : rows) r.add(Long.toString(version));
        return rows;
    }
}
