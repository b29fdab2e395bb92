package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.List;

/** A social landlord owning dwellings of a cité, with its share of them when the sources give it. */
public record Owner(String name, Integer dwellings) {
    public Owner {
        name = Values.text(name);
        if (name == null) throw new InvalidValueException(Localization.get("records.emptyOwnerName"));
        if (name.contains("/") || name.contains(":")) {
            throw new InvalidValueException(Localization.text("records.ownerName", name));
        }
        Values.checkDwellings(dwellings);
    }

    /** "Maisons et Cités : 629", or the name alone when its share is unknown. */
    @Override
    public String toString() {
        return dwellings == null ? name : name + " : " + dwellings;
    }

    public static String format(List<Owner> owners) {
        return String.join(Commune.SEPARATOR, owners.stream().map(Owner::toString).toList());
    }

    /** Reads "Maisons et Cités : 629 / SIA : 219 / Partenord". */
    public static List<Owner> parseList(String cell) {
        List<Owner> out = new ArrayList<>();
        String t = Values.text(cell);
        if (t == null) return out;
        for (String part : t.split("/")) {
            if (part.isBlank()) continue;
            int colon = part.lastIndexOf(':');
            if (colon < 0) {
                out.add(new Owner(part, null));
            } else {
                String share = part.substring(colon + 1);
                Integer n = Values.dwellings(share);
                if (n == null) throw new InvalidValueException(Localization.text("records.emptyOwnerShare", part.strip()));
                out.add(new Owner(part.substring(0, colon), n));
            }
        }
        return out;
    }
}
