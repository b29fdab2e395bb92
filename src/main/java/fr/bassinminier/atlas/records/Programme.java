package fr.bassinminier.atlas.records;

import java.util.Optional;

/** The public programmes that fund work in the cités. PNRU 2 is the NPNRU, in its national or regional part. */
public enum Programme implements Labelled {
    ERBM("ERBM"), NPNRU_NATIONAL("NPNRU national"), NPNRU_REGIONAL("NPNRU régional"), PNRU_1("PNRU 1"),
    FEDER("FEDER"), DROIT_COMMUN("droit commun");

    private final String label;

    Programme(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Programme> parse(String text) {
        return Labelled.parse(Programme.class, text, "PNRU 2 national", "NPNRU_NATIONAL", "PNRU 2 régional",
                "NPNRU_REGIONAL", "ANRU 1", "PNRU_1", "PNRU1", "PNRU_1", "ITI FEDER", "FEDER");
    }
}
