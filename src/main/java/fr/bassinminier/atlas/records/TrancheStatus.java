package fr.bassinminier.atlas.records;

import java.util.Optional;

/** Stage of a tranche of dwelling renovation, in the order a tranche goes through them. */
public enum TrancheStatus implements Labelled {
    A_L_ETUDE("à l'étude"), PROGRAMMEE("programmée"), TRAVAUX_EN_COURS("travaux en cours"), LIVREE("livrée");

    private final String label;

    TrancheStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<TrancheStatus> parse(String text) {
        return Labelled.parse(TrancheStatus.class, text, "en cours", "TRAVAUX_EN_COURS", "en travaux",
                "TRAVAUX_EN_COURS", "etude", "A_L_ETUDE", "en etude", "A_L_ETUDE", "livre", "LIVREE",
                "programme", "PROGRAMMEE");
    }
}
