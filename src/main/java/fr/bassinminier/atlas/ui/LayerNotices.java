package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.style.sld.Styles;
import java.util.ArrayList;
import java.util.List;

/**
 * What a map will not show of a project, in sentences the windows display: layers left out
 * with their reason, and SLD elements read but not drawn. Nothing dropped is dropped silently.
 */
final class LayerNotices {
    private LayerNotices() {
    }

    /** "Éléments du style non dessinés : …" for a layer's style, or null when all of it is drawn. */
    static String styleNotDrawn(ProjectLayer layer) {
        List<String> missing = layer.style() == null ? List.of() : Styles.notDrawn(layer.style());
        return missing.isEmpty() ? null : Messages.get("props.styleNotDrawn", String.join(" ; ", missing));
    }

    /**
     * Before printing: the shown layers that will be missing, each with its reason, then each SLD
     * element read but not drawn once, with the layers that use it (a map's styles often share them).
     */
    static List<String> forPrint(LoadedProject project) {
        List<String> out = new ArrayList<>();
        java.util.Map<String, List<String>> notDrawn = new java.util.LinkedHashMap<>();
        for (ProjectLayer l : project.layers()) {
            if (!l.entry().visible()) continue;
            String title = l.entry().title();
            if (l.error() != null) out.add(Messages.get("print.notice.layerNotDrawn", title, l.error()));
            if (l.styleError() != null) out.add(l.styleError());
            if (l.notice() != null) out.add(l.notice());
            if (!l.isLoaded() || l.style() == null) continue;
            for (String element : Styles.notDrawn(l.style())) {
                notDrawn.computeIfAbsent(element, k -> new ArrayList<>()).add(title);
            }
        }
        notDrawn.forEach((element, layers) -> out.add(Messages.get("print.notice.styleNotDrawn", element,
                String.join(", ", layers))));
        return out;
    }
}
