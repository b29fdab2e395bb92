package fr.bassinminier.atlas.records;

import java.util.Optional;

/** Where a cité stands with regard to the World Heritage property of the mining basin. */
public enum UnescoStatus implements Labelled {
    INSCRIT("inscrit"), EN_PARTIE("en partie"), ZONE_TAMPON("zone tampon"), NON("non");

    private final String label;

    UnescoStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Also reads the 2016 report's wording ("Unesco", "Unesco en partie") used by the demo data. */
    public static Optional<UnescoStatus> parse(String text) {
        return Labelled.parse(UnescoStatus.class, text, "unesco", "INSCRIT", "unesco en partie", "EN_PARTIE",
                "inscrite", "INSCRIT", "partiellement", "EN_PARTIE", "zone-tampon", "ZONE_TAMPON");
    }
}
