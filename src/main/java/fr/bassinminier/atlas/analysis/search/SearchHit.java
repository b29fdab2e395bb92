package fr.bassinminier.atlas.analysis.search;

import fr.bassinminier.atlas.model.Feature;

/**
 * One result of the search box.
 *
 * @param layerId      id of the project layer the feature belongs to
 * @param layerTitle   its title, to show beside the result ("Terrils")
 * @param feature      the feature, whose geometry the map zooms to
 * @param displayText  what the result list shows: "Cité des Alouettes — Bully-les-Mines / Grenay"
 * @param matchedField the attribute that matched best ("nom", "no_terril"…); null when only the
 *                     layer's name matched ("terrils")
 */
public record SearchHit(String layerId, String layerTitle, Feature feature, String displayText, String matchedField) {
}
