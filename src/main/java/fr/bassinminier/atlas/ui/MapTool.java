package fr.bassinminier.atlas.ui;

/** What a click on the map does. */
public enum MapTool {
    /** Drag pans; a click identifies the features under the pointer. */
    IDENTIFY,
    /** Clicks add the vertices of a line whose length is shown; double-click ends it. */
    MEASURE_DISTANCE,
    /** Clicks add the vertices of a polygon whose area is shown; double-click ends it. */
    MEASURE_AREA,
    /** Clicks draw a project's footprint; a double-click ends it and runs the heritage check. */
    FOOTPRINT
}
