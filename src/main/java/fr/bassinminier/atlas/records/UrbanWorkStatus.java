package fr.bassinminier.atlas.records;

import java.util.Optional;

/** Stage of urban renovation works on a cité's public spaces (streets, squares, planting). */
public enum UrbanWorkStatus implements Labelled {
    A_L_ETUDE("à l'étude"), PROGRAMMEE("programmée"), TRAVAUX_EN_COURS("travaux en cours"), ACHEVEE("achevée");

    private final String label;

    UrbanWorkStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<UrbanWorkStatus> parse(String text) {
        return Labelled.parse(UrbanWorkStatus.class, text, "en cours", "TRAVAUX_EN_COURS", "etude", "A_L_ETUDE",
                "en etude", "A_L_ETUDE", "achevee", "ACHEVEE", "terminee", "ACHEVEE", "programme", "PROGRAMMEE");
    }
}
