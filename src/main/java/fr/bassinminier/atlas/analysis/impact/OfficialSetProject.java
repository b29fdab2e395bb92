package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A new project from the official files a user downloaded (the data.gouv.fr zip "UNESCO - L93 2018",
 * a GeoPackage): each layer takes its role by content, then the look of the default map's layer
 * of that role (title, group, SLD style, labels), so the official set opens with the six themes.
 */
public final class OfficialSetProject {
    private OfficialSetProject() {
    }

    /**
     * @param template the default map (its layers give the look per role), or null to keep plain styles
     */
    public static LoadedProject open(List<Path> files, LoadedProject template) throws DataException {
        HeritageLayers h = HeritageLayers.fromFiles(files);
        Map<HeritageRole, ProjectLayer> looks = new EnumMap<>(HeritageRole.class);
        Path base = template == null || template.file() == null ? null : template.file().toAbsolutePath().getParent();
        if (template != null) {
            for (ProjectLayer l : template.layers()) {
                HeritageRole r = HeritageLayers.roleOf(l);
                if (r != null) looks.putIfAbsent(r, l);
            }
        }
        List<ProjectLayer> out = new ArrayList<>();
        for (ProjectLayer l : h.project().layers()) {
            HeritageRole r = HeritageLayers.roleOf(l);
            ProjectLayer look = r == null ? null : looks.get(r);
            if (look == null) {
                out.add(l);
                continue;
            }
            LayerEntry t = look.entry();
            LayerEntry e = l.entry();
            String sld = t.sld() == null || base == null ? null : base.resolve(t.sld()).normalize().toString();
            LayerEntry styled = new LayerEntry(e.id(), t.title() + " — " + l.data().name(), t.group(), e.source(),
                    e.layerName(), true, t.opacity(), t.style(), t.label(), e.attribution(), false, e.description(), sld,
                    e.provenance());
            out.add(new ProjectLayer(styled, l.data(), null, sld == null ? null : look.style(), null));
        }
        MapProject mp = new MapProject("Jeu officiel — " + files.get(0).getFileName(), CrsId.LAMBERT_93,
                template == null ? null : template.project().initialExtent(),
                out.stream().map(ProjectLayer::entry).toList(), List.of(), null);
        return new LoadedProject(mp, null, out);
    }
}
