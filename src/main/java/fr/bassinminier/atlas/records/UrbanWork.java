package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Urban renovation works on a cité's public spaces (streets, squares, planting, rainwater),
 * led by the commune or EPCI: tracked apart from the landlords' dwelling tranches.
 *
 * @param id    0 until stored
 * @param title what is done ("Rénovation urbaine des espaces publics", "Îlot Parmentier")
 */
public record UrbanWork(long id, String citeId, String title, UrbanWorkStatus status, String start, String end,
                        Long costCents, String source) {
    public static final String CITE = "id_cite", TITLE = "intitule", STATUS = "statut", START = "debut", END = "fin",
            COST = "cout_euros", SOURCE = "source";
    public static final List<String> COLUMNS = List.of(CITE, TITLE, STATUS, START, END, COST, SOURCE);

    public UrbanWork {
        citeId = Cite.checkId(citeId);
        title = Values.text(title);
        if (title == null) throw new InvalidValueException(Localization.get("records.worksTitleMissing"));
        if (status == null) throw new InvalidValueException(Localization.get("records.worksStatusMissing"));
        start = Values.checkDate(Values.text(start));
        end = Values.checkDate(Values.text(end));
        if (costCents != null && costCents < 0) throw new InvalidValueException(Localization.get("records.negativeAmount"));
        source = Values.text(source);
    }

    public UrbanWork withId(long newId) {
        return new UrbanWork(newId, citeId, title, status, start, end, costCents, source);
    }

    public Map<String, String> cells() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CITE, citeId);
        m.put(TITLE, title);
        m.put(STATUS, status.label());
        m.put(START, start == null ? "" : start);
        m.put(END, end == null ? "" : end);
        m.put(COST, Values.formatCost(costCents));
        m.put(SOURCE, source == null ? "" : source);
        return m;
    }

    public static UrbanWork fromCells(long id, Map<String, String> cells) {
        String column = STATUS;
        try {
            String s = Values.text(cells.get(STATUS));
            if (s == null) throw new InvalidValueException(Localization.text("records.statusMissingExpected", Labelled.choices(UrbanWorkStatus.class)));
            UrbanWorkStatus status = UrbanWorkStatus.parse(s).orElseThrow(() -> new InvalidValueException(
                    Localization.text("records.unknownStatusExpected", s, Labelled.choices(UrbanWorkStatus.class))));
            column = START;
            String start = Values.date(cells.get(START));
            column = END;
            String end = Values.date(cells.get(END));
            column = COST;
            Long cost = Values.cost(cells.get(COST));
            column = TITLE;
            return new UrbanWork(id, cells.get(CITE), cells.get(TITLE), status, start, end, cost, cells.get(SOURCE));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(column + " : " + e.getMessage());
        }
    }

    public UrbanWork with(String column, String text) {
        if (!COLUMNS.contains(column)) throw new IllegalArgumentException("unknown column " + column);
        Map<String, String> c = cells();
        c.put(column, text == null ? "" : text);
        return fromCells(id, c);
    }
}
