package fr.bassinminier.atlas.model.project;

import org.locationtech.jts.geom.Envelope;

/** A saved view: a name and the ground extent it shows, in the project CRS. */
public record Bookmark(String name, Envelope extent) {
}
