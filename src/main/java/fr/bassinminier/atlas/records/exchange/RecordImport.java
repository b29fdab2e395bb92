package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.HistoryEntry;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsException.Kind;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.Values;
import fr.bassinminier.atlas.records.exchange.ImportPlan.FieldChange;
import fr.bassinminier.atlas.records.exchange.ImportPlan.RecordChange;
import fr.bassinminier.atlas.records.exchange.ImportPlan.RowError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports records from a spreadsheet in two steps: {@link #plan} computes every change and
 * rejects bad rows without writing anything; {@link #apply} writes a plan without errors in one
 * transaction, after checking that nothing it changes was modified meanwhile.
 *
 * <p>Rules: a column missing from a sheet leaves that field alone; an empty cell clears it.
 * A cité row with an unknown id is a new cité. A tranche or works row refers to its cité by
 * {@code id_cite}, which must exist (or be new in the same file), and to itself by {@code id}:
 * empty for a new one, else an existing one. A tranche names its operation; a new name creates
 * the operation. Records are never deleted by an import: a row left out changes nothing.
 */
public final class RecordImport {
    private RecordImport() {
    }

    /** Reads a .csv (one sheet) or .xlsx (all sheets) file. */
    public static List<Table> read(Path file) throws DataException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return XlsxTables.read(file);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return List.of(CsvTables.read(file));
        throw new DataException(file, Problem.UNSUPPORTED_FORMAT, Localization.get("records.unrecognisedFormatExpectedCsv"));
    }

    /** Reads and plans in one go; conflicts refuse the import. */
    public static ImportPlan plan(Path file, CiteStore store) throws DataException, RecordsException {
        return plan(file, store, ConflictPolicy.ABORT);
    }

    /**
     * Reads and plans in one go, three-way: each row is compared with the record as it was at
     * the row's base version (column {@link RecordSheets#VERSION}, rebuilt from the history), so
     * only the fields the sheet changed are applied; a field also changed by someone else since
     * is a conflict, settled by {@code policy}. Rows without a base are compared with the
     * records as they are, and a change back to an earlier value of a field is a conflict too.
     */
    public static ImportPlan plan(Path file, CiteStore store, ConflictPolicy policy)
            throws DataException, RecordsException {
        List<Table> tables = read(file);
        Long oldest = oldestBase(tables);
        // History first, snapshot after: an edit in between is then seen in both (at worst a
        // needless conflict with equal values, never a silent reversion).
        List<HistoryEntry> past = oldest == null ? List.of() : store.historySince(oldest);
        return new Planner(store.snapshot(), new Past(past), policy).plan(file, tables);
    }

    /** The changes the tables would make to {@code current}, without history (two-way); nothing is written. */
    public static ImportPlan plan(Path file, List<Table> tables, RecordsSnapshot current) {
        return new Planner(current, new Past(List.of()), ConflictPolicy.ABORT).plan(file, tables);
    }

    /** The oldest base version in the sheets; 0 (all history) when a row has none; null without rows. */
    private static Long oldestBase(List<Table> tables) {
        Long oldest = null;
        for (Table t : tables) {
            String kind = RecordSheets.kind(t);
            if (kind == null || kind.equals(RecordSheets.HISTORY)) continue;
            for (Table.Row r : t.rows()) {
                Long v = version(r);
                long base = v == null ? 0 : v;
                oldest = oldest == null ? base : Math.min(oldest, base);
            }
        }
        return oldest;
    }

    /** The row's base version; null when the sheet has none (or it is not a number). */
    static Long version(Table.Row r) {
        String v = Values.text(r.get(RecordSheets.VERSION));
        if (v == null) return null;
        long n = Planner.parseId(v);
        return n < 0 ? null : n;
    }

    /** The history since the oldest base of a sheet, per record. */
    static final class Past {
        private final Map<String, List<HistoryEntry>> byRecord = new HashMap<>();

        Past(List<HistoryEntry> entries) {
            for (HistoryEntry h : entries) {
                byRecord.computeIfAbsent(h.entity() + "\u0000" + h.entityId(), k -> new ArrayList<>()).add(h);
            }
        }

        private List<HistoryEntry> of(String entity, String id) {
            return byRecord.getOrDefault(entity + "\u0000" + id, List.of());
        }

        /** The record's fields as they were after edit {@code version}: today's, with later changes undone. */
        Map<String, String> at(String entity, String id, Map<String, String> now, long version) {
            Map<String, String> base = new LinkedHashMap<>(now);
            List<HistoryEntry> h = of(entity, id);
            for (int i = h.size() - 1; i >= 0 && h.get(i).changeSet() > version; i--) {
                if (base.containsKey(h.get(i).field())) base.put(h.get(i).field(), nz(h.get(i).oldValue()));
            }
            return base;
        }

        /** Whether {@code value} is one the field held before a later change (empty values aside). */
        boolean earlier(String entity, String id, String field, String value) {
            if (value.isEmpty()) return false;
            for (HistoryEntry h : of(entity, id)) {
                if (h.field().equals(field) && value.equals(h.oldValue())) return true;
            }
            return false;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /**
     * Writes the plan in one transaction under {@code user}'s name, all or nothing. Returns the
     * edit id (0 when the plan changes nothing).
     */
    public static long apply(CiteStore store, ImportPlan plan, String user) throws RecordsException {
        if (plan.hasErrors()) {
            throw new RecordsException(Kind.INVALID, Localization.text("records.importRefusedLineS", plan.errors().size()));
        }
        if (plan.hasUnresolvedConflicts()) {
            throw new RecordsException(Kind.CONFLICT, Localization.text("records.importRefusedConflictS", plan.conflicts().size()));
        }
        if (plan.changes().isEmpty()) return 0;
        // A full check first: an import must never write into a damaged file (and a backup is kept).
        store.beforeImport();
        String comment = Localization.text("records.import", plan.file().getFileName());
        return store.edit(user, comment, tx -> {
            for (RecordChange c : plan.changes()) {
                if (c.after() instanceof Cite cite) {
                    Cite now = tx.cite(cite.id()).orElse(null);
                    if (!Objects.equals(now, c.before())) throw conflict(c);
                    tx.saveCite(cite);
                }
            }
            for (RecordChange c : plan.changes()) {
                if (c.after() instanceof Operation op) {
                    if (op.id() == 0) {
                        if (tx.operation(op.citeId(), op.name()).isPresent()) throw conflict(c);
                    } else if (!Objects.equals(tx.operation(op.id()).orElse(null), c.before())) {
                        throw conflict(c);
                    }
                    tx.saveOperation(op);
                }
            }
            for (RecordChange c : plan.changes()) {
                if (c.after() instanceof PlannedTranche pt) {
                    Tranche t = pt.tranche();
                    if (t.id() != 0 && !Objects.equals(tx.tranche(t.id()).orElse(null), c.before())) throw conflict(c);
                    Operation op = tx.operation(pt.citeId(), pt.operationName()).orElseThrow(() -> conflict(c));
                    tx.saveTranche(t.withOperation(op.id()));
                }
            }
            for (RecordChange c : plan.changes()) {
                if (c.after() instanceof UrbanWork w) {
                    if (w.id() != 0 && !Objects.equals(tx.urbanWork(w.id()).orElse(null), c.before())) throw conflict(c);
                    tx.saveUrbanWork(w);
                }
            }
        });
    }

    private static RecordsException conflict(RecordChange c) {
        return new RecordsException(Kind.CONFLICT, Localization.text("records.changedSinceFileRead", c.title()));
    }

    /** A tranche to save once its operation (by cité and name) exists. */
    public record PlannedTranche(String citeId, String operationName, Tranche tranche) {
    }

    private static final class Planner {
        final RecordsSnapshot cur;
        final Past past;
        final ConflictPolicy policy;
        final List<ImportPlan.Conflict> conflicts = new ArrayList<>();
        final Map<String, Cite> cites;
        final Map<Long, Operation> ops;
        final Map<String, Operation> opsByKey = new HashMap<>();
        final Map<Long, Tranche> tranches = new HashMap<>();
        final Map<String, Tranche> tranchesByKey = new HashMap<>();
        final Map<Long, UrbanWork> works = new HashMap<>();
        final List<RecordChange> citeChanges = new ArrayList<>();
        final List<RecordChange> opChanges = new ArrayList<>();
        final List<RecordChange> trancheChanges = new ArrayList<>();
        final List<RecordChange> workChanges = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Set<String> newCites = new HashSet<>();
        int rows;

        Planner(RecordsSnapshot cur, Past past, ConflictPolicy policy) {
            this.cur = cur;
            this.past = past;
            this.policy = policy;
            this.cites = cur.citesById();
            this.ops = cur.operationsById();
            for (Operation o : cur.operations()) opsByKey.put(key(o.citeId(), o.name()), o);
            for (Tranche t : cur.tranches()) {
                tranches.put(t.id(), t);
                tranchesByKey.put(ops.get(t.operationId()).id() + "#" + t.number(), t);
            }
            for (UrbanWork w : cur.urbanWorks()) works.put(w.id(), w);
        }

        ImportPlan plan(Path file, List<Table> tables) {
            Map<String, Table> byKind = new LinkedHashMap<>();
            for (Table t : tables) {
                String kind = RecordSheets.kind(t);
                if (kind == null) {
                    if (tables.size() == 1) {
                        errors.add(new RowError(t.name(), 1, Localization.text("records.unrecognisedHeaderExpectedColumns", String.join(";", Cite.COLUMNS))));
                    } else if (!t.rows().isEmpty()) {
                        warnings.add(Localization.text("records.sheetRecognisedIgnored", t.name()));
                    }
                } else if (kind.equals(RecordSheets.HISTORY)) {
                    if (!t.rows().isEmpty()) warnings.add(Localization.text("records.sheetIgnoredHistoryReading", t.name()));
                } else if (byKind.containsKey(kind)) {
                    errors.add(new RowError(t.name(), 1, Localization.text("records.secondSheetAlready", kind.toLowerCase(Locale.ROOT), byKind.get(kind).name())));
                } else {
                    byKind.put(kind, t);
                }
            }
            // Cités first: tranches and works may refer to cités new in the same file.
            if (byKind.containsKey(RecordSheets.CITES)) cites(byKind.get(RecordSheets.CITES));
            if (byKind.containsKey(RecordSheets.TRANCHES)) tranches(byKind.get(RecordSheets.TRANCHES));
            if (byKind.containsKey(RecordSheets.URBAN_WORKS)) works(byKind.get(RecordSheets.URBAN_WORKS));
            List<RecordChange> all = new ArrayList<>(citeChanges);
            all.addAll(opChanges);
            all.addAll(trancheChanges);
            all.addAll(workChanges);
            boolean refused = !errors.isEmpty() || (!conflicts.isEmpty() && policy == ConflictPolicy.ABORT);
            return new ImportPlan(file, refused ? List.of() : all, errors, warnings, rows, conflicts, policy);
        }

        /**
         * Merges one row: {@code now} is the record today, {@code sheet} the row read over it
         * (normalised), {@code present} the columns the sheet has. A field the sheet left as it
         * was at its base keeps today's value; a field only the sheet changed takes the sheet's;
         * one changed on both sides differently is a conflict.
         */
        Map<String, String> merge(String title, String where, Long version, Map<String, String> now,
                                  Map<String, String> base, Map<String, String> sheet, Set<String> present,
                                  String entity, String id) {
            return merge(title, where, version, now, base, sheet, present, entity, id, null, null);
        }

        /** {@code alsoEntity}, {@code alsoId}: a second record whose history holds some of the fields (a tranche's operation). */
        Map<String, String> merge(String title, String where, Long version, Map<String, String> now,
                                  Map<String, String> base, Map<String, String> sheet, Set<String> present,
                                  String entity, String id, String alsoEntity, String alsoId) {
            Map<String, String> out = new LinkedHashMap<>(now);
            for (String f : present) {
                if (!now.containsKey(f) || !sheet.containsKey(f)) continue;
                String mine = nz(sheet.get(f)), theirs = nz(now.get(f));
                if (mine.equals(theirs)) continue;
                if (version != null) {
                    String orig = nz(base.get(f));
                    if (mine.equals(orig)) continue;
                    if (theirs.equals(orig)) {
                        out.put(f, mine);
                        continue;
                    }
                    conflicts.add(new ImportPlan.Conflict(title, where, f, orig, theirs, mine));
                } else if (past.earlier(entity, id, f, mine)
                        || (alsoEntity != null && past.earlier(alsoEntity, alsoId, f, mine))) {
                    conflicts.add(new ImportPlan.Conflict(title, where, f, null, theirs, mine));
                } else {
                    out.put(f, mine);
                    continue;
                }
                if (policy == ConflictPolicy.KEEP_MINE) out.put(f, mine);
            }
            return out;
        }

        private static Set<String> present(Table.Row r) {
            return r.cells().keySet();
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private boolean checkColumns(Table t, List<String> known, List<String> required, Set<String> informative) {
            for (String h : t.header()) {
                if (!h.isEmpty() && !known.contains(h) && !informative.contains(h)) {
                    warnings.add(Localization.text("records.sheetUnknownColumnIgnored", t.name(), h));
                }
            }
            boolean ok = true;
            for (String r : required) {
                if (!t.header().contains(r)) {
                    errors.add(new RowError(t.name(), 1, Localization.text("records.columnMissing", r)));
                    ok = false;
                }
            }
            return ok;
        }

        /** An Excel error cell (#N/A, #VALEUR!) is never taken as a value. */
        private boolean cellErrors(Table t, Table.Row r) {
            for (Map.Entry<String, String> e : r.cells().entrySet()) {
                if (e.getValue() != null && e.getValue().startsWith("#ERREUR")) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.cellErrorSpreadsheet", e.getKey(), e.getValue().substring(7).strip())));
                    return true;
                }
            }
            return false;
        }

        private void cites(Table t) {
            if (!checkColumns(t, Cite.COLUMNS, List.of(Cite.ID), Set.of(RecordSheets.VERSION))) return;
            Map<String, Integer> seen = new HashMap<>();
            for (Table.Row r : t.rows()) {
                rows++;
                if (cellErrors(t, r)) continue;
                String id = Values.text(r.get(Cite.ID));
                if (id == null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.get("records.citIdentifierIdMissing")));
                    continue;
                }
                Integer first = seen.putIfAbsent(id, r.line());
                if (first != null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.citAlreadyLine", id, first)));
                    continue;
                }
                Cite old = cites.get(id);
                Map<String, String> cells = old == null ? new LinkedHashMap<>() : old.cells();
                overlay(cells, r, Cite.COLUMNS);
                cells.put(Cite.ID, id);
                Cite now;
                try {
                    now = Cite.fromCells(cells);
                    if (old != null) {
                        Long version = version(r);
                        Map<String, String> was = old.cells();
                        Map<String, String> base = version == null ? was : past.at(HistoryEntry.CITE, id, was, version);
                        now = Cite.fromCells(merge("cité " + id + " « " + old.name() + " »", where(t, r), version, was,
                                base, now.cells(), present(r), HistoryEntry.CITE, id));
                    }
                } catch (InvalidValueException e) {
                    errors.add(new RowError(t.name(), r.line(), e.getMessage()));
                    continue;
                }
                if (old == null) newCites.add(id);
                List<FieldChange> diff = diff(old == null ? null : old.cells(), now.cells());
                if (!diff.isEmpty()) {
                    citeChanges.add(new RecordChange("cite", old == null, Localization.text("records.cit", id, now.name()),
                            where(t, r), diff, old, now));
                }
            }
        }

        private boolean citeKnown(String id) {
            return cites.containsKey(id) || newCites.contains(id);
        }

        private void tranches(Table t) {
            List<String> known = RecordSheets.TRANCHE_COLUMNS;
            if (!checkColumns(t, known, List.of(RecordSheets.CITE_ID, Operation.NAME, Tranche.NUMBER),
                    Set.of(RecordSheets.VERSION))) return;
            boolean hasProgramme = t.header().contains(Operation.PROGRAMME);
            boolean hasOwner = t.header().contains(Operation.OWNER);
            // Operation-level values, per (cité, name): the first row sets them, others must agree.
            Map<String, Operation> plannedOps = new LinkedHashMap<>();
            Map<String, Integer> plannedOpLine = new HashMap<>();
            Map<String, Integer> seenTranche = new HashMap<>();
            Map<Long, Integer> seenIds = new HashMap<>();
            for (Table.Row r : t.rows()) {
                rows++;
                if (cellErrors(t, r)) continue;
                Tranche old = null;
                Operation oldOp = null;
                String idText = Values.text(r.get(RecordSheets.ID));
                long id = 0;
                if (idText != null) {
                    id = parseId(idText);
                    old = id > 0 ? tranches.get(id) : null;
                    if (old == null) {
                        errors.add(new RowError(t.name(), r.line(), Localization.text("records.unknownPhaseIdentifierLeave", idText)));
                        continue;
                    }
                    Integer dup = seenIds.putIfAbsent(id, r.line());
                    if (dup != null) {
                        errors.add(new RowError(t.name(), r.line(), Localization.text("records.phaseAlreadyLine", id, dup)));
                        continue;
                    }
                    oldOp = ops.get(old.operationId());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                if (old != null) {
                    cells.putAll(oldOp.cells());
                    cells.putAll(old.cells());
                }
                overlay(cells, r, known);
                String citeId = Values.text(cells.get(RecordSheets.CITE_ID));
                String opName = Values.text(cells.get(Operation.NAME));
                if (citeId == null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.get("records.citIdentifierIdCite")));
                    continue;
                }
                if (!citeKnown(citeId)) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.unknownCitIdCite", citeId)));
                    continue;
                }
                if (oldOp != null && !oldOp.citeId().equals(citeId)) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.phaseDoesChangeCit", oldOp.citeId(), citeId)));
                    continue;
                }
                if (opName == null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.get("records.operationNameOperationMissing")));
                    continue;
                }
                Tranche now;
                Programme programme;
                try {
                    programme = Operation.parseProgramme(cells.get(Operation.PROGRAMME));
                    now = Tranche.fromCells(id, 0, cells);
                    if (old != null) {
                        cells = mergeTranche(t, r, old, oldOp, citeId, opName, programme, now);
                        opName = Values.text(cells.get(Operation.NAME));
                        programme = Operation.parseProgramme(cells.get(Operation.PROGRAMME));
                        now = Tranche.fromCells(id, 0, cells);
                    }
                } catch (InvalidValueException e) {
                    errors.add(new RowError(t.name(), r.line(), e.getMessage()));
                    continue;
                }
                String opKey = key(citeId, opName);
                Operation existingOp = opsByKey.get(opKey);
                Operation wanted = new Operation(existingOp == null ? 0 : existingOp.id(), citeId, opName,
                        hasProgramme ? programme : existingOp == null ? null : existingOp.programme(),
                        hasOwner ? Values.text(cells.get(Operation.OWNER)) : existingOp == null ? null : existingOp.owner());
                Operation planned = plannedOps.get(opKey);
                if (planned == null) {
                    plannedOps.put(opKey, wanted);
                    plannedOpLine.put(opKey, r.line());
                } else if (!planned.equals(wanted)) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.programmeLandlordDifferentLine", plannedOpLine.get(opKey), opName)));
                    continue;
                }
                String trancheKey = opKey + "#" + now.number();
                Integer dup = seenTranche.putIfAbsent(trancheKey, r.line());
                if (dup != null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.phaseOperationAlreadyLine", now.number(), opName, dup)));
                    continue;
                }
                if (existingOp != null) {
                    Tranche occupant = tranchesByKey.get(existingOp.id() + "#" + now.number());
                    if (occupant != null && occupant.id() != id) {
                        errors.add(new RowError(t.name(), r.line(), Localization.text("records.operationAlreadyPhaseId", opName, now.number(), occupant.id())));
                        continue;
                    }
                }
                Map<String, String> before = null;
                if (old != null) {
                    before = new LinkedHashMap<>();
                    before.put(Operation.NAME, oldOp.name());
                    before.putAll(old.cells());
                }
                Map<String, String> after = new LinkedHashMap<>();
                after.put(Operation.NAME, opName);
                after.putAll(now.cells());
                List<FieldChange> diff = diff(before, after);
                if (!diff.isEmpty()) {
                    String title = Localization.text("records.citPhase", (old == null ? "tranche" : "tranche " + old.id()), citeId, opName, now.number());
                    trancheChanges.add(new RecordChange("tranche", old == null, title, where(t, r), diff, old,
                            new PlannedTranche(citeId, opName, now)));
                }
            }
            for (Map.Entry<String, Operation> e : plannedOps.entrySet()) {
                Operation want = e.getValue();
                Operation old = opsByKey.get(e.getKey());
                String line = Localization.text("records.line2", t.name(), plannedOpLine.get(e.getKey()));
                if (old == null) {
                    opChanges.add(new RecordChange("operation", true, Localization.text("records.operationCit", want.name(), want.citeId()), line, diff(null, want.cells()), null, want));
                } else if (!old.equals(want)) {
                    opChanges.add(new RecordChange("operation", false, Localization.text("records.operationCit", want.name(), want.citeId()), line, diff(old.cells(), want.cells()), old, want));
                }
            }
        }

        /** Three-way merge of a tranche row, with its operation's fields (name, programme, landlord). */
        private Map<String, String> mergeTranche(Table t, Table.Row r, Tranche old, Operation oldOp, String citeId,
                                                 String opName, Programme programme, Tranche sheetTranche) {
            Map<String, String> was = new LinkedHashMap<>(oldOp.cells());
            was.putAll(old.cells());
            Map<String, String> sheet = new LinkedHashMap<>();
            sheet.put(Operation.CITE, citeId);
            sheet.put(Operation.NAME, opName);
            sheet.put(Operation.PROGRAMME, programme == null ? "" : programme.label());
            sheet.put(Operation.OWNER, nz(Values.text(r.cells().containsKey(Operation.OWNER)
                    ? r.get(Operation.OWNER) : oldOp.owner())));
            sheet.putAll(sheetTranche.cells());
            Long version = version(r);
            Map<String, String> base = was;
            String id = Long.toString(old.id());
            if (version != null) {
                Map<String, String> withOp = new LinkedHashMap<>(old.cells());
                withOp.put("operation_id", Long.toString(old.operationId()));
                Map<String, String> tb = past.at(HistoryEntry.TRANCHE, id, withOp, version);
                Operation baseOp = ops.getOrDefault(parseId(tb.get("operation_id")), oldOp);
                base = past.at(HistoryEntry.OPERATION, Long.toString(baseOp.id()), baseOp.cells(), version);
                tb.remove("operation_id");
                base.putAll(tb);
            }
            String title = Localization.text("records.phaseCitPhase", old.id(), citeId, oldOp.name(), old.number());
            return merge(title, where(t, r), version, was, base, sheet, present(r), HistoryEntry.TRANCHE, id,
                    HistoryEntry.OPERATION, Long.toString(oldOp.id()));
        }

        private void works(Table t) {
            List<String> known = RecordSheets.URBAN_COLUMNS;
            if (!checkColumns(t, known, List.of(RecordSheets.CITE_ID, UrbanWork.TITLE), Set.of(RecordSheets.VERSION))) return;
            Map<Long, Integer> seenIds = new HashMap<>();
            for (Table.Row r : t.rows()) {
                rows++;
                if (cellErrors(t, r)) continue;
                String idText = Values.text(r.get(RecordSheets.ID));
                UrbanWork old = null;
                long id = 0;
                if (idText != null) {
                    id = parseId(idText);
                    old = id > 0 ? works.get(id) : null;
                    if (old == null) {
                        errors.add(new RowError(t.name(), r.line(), Localization.text("records.unknownWorksIdentifierLeave", idText)));
                        continue;
                    }
                    Integer dup = seenIds.putIfAbsent(id, r.line());
                    if (dup != null) {
                        errors.add(new RowError(t.name(), r.line(), Localization.text("records.worksAlreadyLine", id, dup)));
                        continue;
                    }
                }
                Map<String, String> cells = old == null ? new LinkedHashMap<>() : old.cells();
                overlay(cells, r, UrbanWork.COLUMNS);
                String citeId = Values.text(cells.get(UrbanWork.CITE));
                if (citeId == null) {
                    errors.add(new RowError(t.name(), r.line(), Localization.get("records.citIdentifierIdCite")));
                    continue;
                }
                if (!citeKnown(citeId)) {
                    errors.add(new RowError(t.name(), r.line(), Localization.text("records.unknownCitIdCite", citeId)));
                    continue;
                }
                UrbanWork now;
                try {
                    now = UrbanWork.fromCells(id, cells);
                    if (old != null) {
                        Long version = version(r);
                        Map<String, String> was = old.cells();
                        String key = Long.toString(id);
                        Map<String, String> base = version == null ? was
                                : past.at(HistoryEntry.URBAN_WORK, key, was, version);
                        now = UrbanWork.fromCells(id, merge("travaux urbains " + id + " (cité " + old.citeId() + ", « "
                                + old.title() + " »)", where(t, r), version, was, base, now.cells(), present(r),
                                HistoryEntry.URBAN_WORK, key));
                    }
                } catch (InvalidValueException e) {
                    errors.add(new RowError(t.name(), r.line(), e.getMessage()));
                    continue;
                }
                List<FieldChange> diff = diff(old == null ? null : old.cells(), now.cells());
                if (!diff.isEmpty()) {
                    String title = Localization.text("records.workWhere", (old == null ? "travaux urbains" : "travaux urbains " + old.id()), citeId, now.title());
                    workChanges.add(new RecordChange("travaux", old == null, title, where(t, r), diff, old, now));
                }
            }
        }

        private static long parseId(String text) {
            try {
                return new java.math.BigDecimal(text.replace(',', '.')).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return -1;
            }
        }

        private static void overlay(Map<String, String> cells, Table.Row r, List<String> known) {
            for (Map.Entry<String, String> e : r.cells().entrySet()) {
                if (known.contains(e.getKey())) cells.put(e.getKey(), e.getValue() == null ? "" : e.getValue().strip());
            }
        }

        private static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
            List<FieldChange> out = new ArrayList<>();
            for (Map.Entry<String, String> e : after.entrySet()) {
                String o = before == null ? "" : before.getOrDefault(e.getKey(), "");
                String n = e.getValue() == null ? "" : e.getValue();
                if (!o.equals(n) && !(before == null && n.isEmpty())) out.add(new FieldChange(e.getKey(), o, n));
            }
            return out;
        }

        private static String where(Table t, Table.Row r) {
            return Localization.text("records.line2", t.name(), r.line());
        }

        private static String key(String citeId, String opName) {
            return citeId + "\u0000" + opName;
        }
    }
}
