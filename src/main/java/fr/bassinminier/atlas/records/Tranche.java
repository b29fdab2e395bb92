package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tranche of an operation: a batch of dwellings renovated together.
 *
 * @param id           0 until stored
 * @param number       1, 2… within the operation
 * @param start        start of works (ISO, at the sources' precision: 2023, 2023-03, 2023-03-15)
 * @param end          delivery, or its forecast
 * @param energyBefore DPE label before works (A–G), when known
 * @param energyAfter  DPE label after works
 * @param costCents    cost in euro cents, when known
 */
public record Tranche(long id, long operationId, int number, Integer dwellings, TrancheStatus status, String start,
                      String end, String energyBefore, String energyAfter, Long costCents, String source) {
    public static final String NUMBER = "tranche", DWELLINGS = "logements", STATUS = "statut", START = "debut",
            END = "fin", ENERGY_BEFORE = "etiquette_avant", ENERGY_AFTER = "etiquette_apres", COST = "cout_euros",
            SOURCE = "source";
    /** The tranche's own columns, in spreadsheet order. */
    public static final List<String> COLUMNS = List.of(NUMBER, DWELLINGS, STATUS, START, END, ENERGY_BEFORE,
            ENERGY_AFTER, COST, SOURCE);

    public Tranche {
        if (number <= 0) throw new InvalidValueException(Localization.text("records.phaseNumberPositive", number));
        if (status == null) throw new InvalidValueException(Localization.get("records.phaseStatusMissing"));
        Values.checkDwellings(dwellings);
        start = Values.checkDate(Values.text(start));
        end = Values.checkDate(Values.text(end));
        energyBefore = Values.energyLabel(energyBefore);
        energyAfter = Values.energyLabel(energyAfter);
        if (costCents != null && costCents < 0) throw new InvalidValueException(Localization.get("records.negativeAmount"));
        source = Values.text(source);
        if (start != null && end != null && end.compareTo(start.substring(0, Math.min(start.length(), end.length()))) < 0) {
            throw new InvalidValueException(Localization.text("records.endBeforeStart", end, start));
        }
    }

    public Tranche withId(long newId) {
        return new Tranche(newId, operationId, number, dwellings, status, start, end, energyBefore, energyAfter,
                costCents, source);
    }

    public Tranche withOperation(long op) {
        return new Tranche(id, op, number, dwellings, status, start, end, energyBefore, energyAfter, costCents, source);
    }

    public Map<String, String> cells() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NUMBER, Integer.toString(number));
        m.put(DWELLINGS, Values.format(dwellings));
        m.put(STATUS, status.label());
        m.put(START, start == null ? "" : start);
        m.put(END, end == null ? "" : end);
        m.put(ENERGY_BEFORE, energyBefore == null ? "" : energyBefore);
        m.put(ENERGY_AFTER, energyAfter == null ? "" : energyAfter);
        m.put(COST, Values.formatCost(costCents));
        m.put(SOURCE, source == null ? "" : source);
        return m;
    }

    /** A tranche from its cells; the message of a bad value names the column. */
    public static Tranche fromCells(long id, long operationId, Map<String, String> cells) {
        String column = NUMBER;
        try {
            int number = Values.positive(cells.get(NUMBER), Localization.get("records.phaseNumber"));
            column = DWELLINGS;
            Integer dwellings = Values.dwellings(cells.get(DWELLINGS));
            column = STATUS;
            String s = Values.text(cells.get(STATUS));
            if (s == null) throw new InvalidValueException(Localization.text("records.statusMissingExpected", Labelled.choices(TrancheStatus.class)));
            TrancheStatus status = TrancheStatus.parse(s).orElseThrow(() -> new InvalidValueException(
                    Localization.text("records.unknownStatusExpected", s, Labelled.choices(TrancheStatus.class))));
            column = START;
            String start = Values.date(cells.get(START));
            column = END;
            String end = Values.date(cells.get(END));
            column = ENERGY_BEFORE;
            String before = Values.energyLabel(cells.get(ENERGY_BEFORE));
            column = ENERGY_AFTER;
            String after = Values.energyLabel(cells.get(ENERGY_AFTER));
            column = COST;
            Long cost = Values.cost(cells.get(COST));
            column = END;
            return new Tranche(id, operationId, number, dwellings, status, start, end, before, after, cost,
                    cells.get(SOURCE));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(column + " : " + e.getMessage());
        }
    }

    /** A copy with one field set from its text form. */
    public Tranche with(String column, String text) {
        if (!COLUMNS.contains(column)) throw new IllegalArgumentException("unknown column " + column);
        Map<String, String> c = cells();
        c.put(column, text == null ? "" : text);
        return fromCells(id, operationId, c);
    }
}
