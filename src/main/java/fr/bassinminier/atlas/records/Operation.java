package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A renovation operation on a cité's dwellings, run by one landlord under one programme, and
 * carried out in tranches. Named within its cité ("Réhabilitation ERBM lot 5"): the name is how
 * a spreadsheet row refers to it.
 *
 * @param id       0 until stored
 * @param owner    the landlord running it (bailleur), when known
 */
public record Operation(long id, String citeId, String name, Programme programme, String owner) {
    public static final String CITE = "id_cite", NAME = "operation", PROGRAMME = "programme", OWNER = "bailleur";

    public Operation {
        citeId = Cite.checkId(citeId);
        name = Values.text(name);
        if (name == null) throw new InvalidValueException(Localization.get("records.operationNameMissing"));
        owner = Values.text(owner);
    }

    public Operation withId(long newId) {
        return new Operation(newId, citeId, name, programme, owner);
    }

    /** The fields the history follows. */
    public Map<String, String> cells() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CITE, citeId);
        m.put(NAME, name);
        m.put(PROGRAMME, programme == null ? "" : programme.label());
        m.put(OWNER, owner == null ? "" : owner);
        return m;
    }

    public static Programme parseProgramme(String text) {
        String t = Values.text(text);
        if (t == null) return null;
        return Programme.parse(t).orElseThrow(() -> new InvalidValueException(
                Localization.text("records.unknownProgrammeExpected", t, Labelled.choices(Programme.class))));
    }
}
