package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of a cité minière. Every field has a text form (its spreadsheet cell, see
 * {@link #cells()}): the history stores it, imports compare it.
 *
 * @param id              stable key: the MBM index where the 2016 report gives one ("t1-1" in the
 *                        demo, whose report rows may repeat an index), never reused
 * @param mbmIndex        the Mission Bassin Minier index as printed ("33", "a"), or null
 * @param communes        in the sources' order, the main commune first
 * @param owners          social landlords with their share of dwellings when known
 * @param dwellings       estimated number of dwellings of the cité
 * @param programmes      the programmes funding work in it, in enum order
 * @param programmeDetail the source's own wording of the programme ("PNRU 1 Corridor Minier")
 * @param links           the map features that draw it
 */
public record Cite(String id, String mbmIndex, String name, List<Commune> communes, String epci, List<Owner> owners,
                   Integer dwellings, UnescoStatus unesco, Set<Programme> programmes, String programmeDetail,
                   List<FeatureLink> links, String note, String source) {

    public static final String ID = "id", MBM = "id_mbm", NAME = "nom", COMMUNES = "communes", EPCI = "epci",
            OWNERS = "proprietaires", DWELLINGS = "logements", UNESCO = "unesco", PROGRAMMES = "programmes",
            PROGRAMME_DETAIL = "programme_detail", LINKS = "liens_carte", NOTE = "note", SOURCE = "source";
    /** The columns of a cité, in spreadsheet order. */
    public static final List<String> COLUMNS = List.of(ID, MBM, NAME, COMMUNES, EPCI, OWNERS, DWELLINGS, UNESCO,
            PROGRAMMES, PROGRAMME_DETAIL, LINKS, NOTE, SOURCE);

    public Cite {
        id = checkId(id);
        name = Values.text(name);
        if (name == null) throw new InvalidValueException(Localization.get("records.citNameMissing"));
        mbmIndex = Values.text(mbmIndex);
        epci = Values.text(epci);
        programmeDetail = Values.text(programmeDetail);
        note = Values.text(note);
        source = Values.text(source);
        communes = List.copyOf(communes == null ? List.of() : communes);
        owners = List.copyOf(owners == null ? List.of() : owners);
        links = List.copyOf(links == null ? List.of() : links);
        EnumSet<Programme> p = EnumSet.noneOf(Programme.class);
        if (programmes != null) p.addAll(programmes);
        programmes = java.util.Collections.unmodifiableSet(p);
        Values.checkDwellings(dwellings);
    }

    public static String checkId(String id) {
        String t = Values.text(id);
        if (t == null) throw new InvalidValueException(Localization.get("records.citIdentifierMissing"));
        if (t.length() > 100 || t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(Localization.text("records.invalidCitIdentifier", t));
        }
        return t;
    }

    /** Column → text, in {@link #COLUMNS} order; "" for no value. */
    public Map<String, String> cells() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ID, id);
        m.put(MBM, nz(mbmIndex));
        m.put(NAME, name);
        m.put(COMMUNES, Commune.format(communes));
        m.put(EPCI, nz(epci));
        m.put(OWNERS, Owner.format(owners));
        m.put(DWELLINGS, Values.format(dwellings));
        m.put(UNESCO, unesco == null ? "" : unesco.label());
        m.put(PROGRAMMES, String.join(Commune.SEPARATOR, programmes.stream().map(Programme::label).toList()));
        m.put(PROGRAMME_DETAIL, nz(programmeDetail));
        m.put(LINKS, FeatureLink.format(links));
        m.put(NOTE, nz(note));
        m.put(SOURCE, nz(source));
        return m;
    }

    /**
     * A cité from its cells (missing columns are empty). Throws {@link InvalidValueException}
     * with a French message naming the column for the first bad value.
     */
    public static Cite fromCells(Map<String, String> cells) {
        String column = ID;
        try {
            String id = cells.get(ID);
            column = DWELLINGS;
            Integer dwellings = Values.dwellings(cells.get(DWELLINGS));
            column = UNESCO;
            String u = Values.text(cells.get(UNESCO));
            UnescoStatus unesco = u == null ? null : UnescoStatus.parse(u).orElseThrow(() -> new InvalidValueException(
                    Localization.text("records.unknownUnescoStatusExpected", u, Labelled.choices(UnescoStatus.class))));
            column = PROGRAMMES;
            Set<Programme> programmes = EnumSet.noneOf(Programme.class);
            String ps = Values.text(cells.get(PROGRAMMES));
            if (ps != null) {
                for (String p : ps.split("[/,;+]")) {
                    if (p.isBlank()) continue;
                    programmes.add(Programme.parse(p).orElseThrow(() -> new InvalidValueException(Localization.text("records.unknownProgrammeExpected", p.strip(), Labelled.choices(Programme.class)))));
                }
            }
            column = COMMUNES;
            List<Commune> communes = Commune.parseList(cells.get(COMMUNES));
            column = OWNERS;
            List<Owner> owners = Owner.parseList(cells.get(OWNERS));
            column = LINKS;
            List<FeatureLink> links = FeatureLink.parseList(cells.get(LINKS));
            column = NAME;
            return new Cite(id, cells.get(MBM), cells.get(NAME), communes, cells.get(EPCI), owners, dwellings, unesco,
                    programmes, cells.get(PROGRAMME_DETAIL), links, cells.get(NOTE), cells.get(SOURCE));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(column + " : " + e.getMessage());
        }
    }

    /** A copy with one field set from its text form, as typed in the editor or a spreadsheet. */
    public Cite with(String column, String text) {
        if (!COLUMNS.contains(column)) throw new IllegalArgumentException("unknown column " + column);
        if (column.equals(ID)) throw new InvalidValueException(Localization.get("records.citeIdUnchangeable"));
        Map<String, String> c = cells();
        c.put(column, text == null ? "" : text);
        return fromCells(c);
    }

    /** The communes' names joined as the demo writes them. */
    public String communesText() {
        return String.join(Commune.SEPARATOR, communes.stream().map(Commune::name).toList());
    }

    public List<String> ownerNames() {
        List<String> out = new ArrayList<>();
        for (Owner o : owners) out.add(o.name());
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
