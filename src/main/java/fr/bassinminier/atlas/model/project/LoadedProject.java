package fr.bassinminier.atlas.model.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** A project with its layers loaded, and the file it came from (null when new). */
public record LoadedProject(MapProject project, Path file, List<ProjectLayer> layers) {
    public LoadedProject {
        layers = List.copyOf(layers);
    }

    /** The same project with other layers (added, removed, reordered, restyled), entries kept in step. */
    public LoadedProject withLayers(List<ProjectLayer> newLayers) {
        return new LoadedProject(project.withLayers(newLayers.stream().map(ProjectLayer::entry).toList()), file,
                newLayers);
    }

    public LoadedProject withFile(Path newFile, MapProject newProject) {
        return new LoadedProject(newProject, newFile, layers);
    }

    public java.util.Optional<ProjectLayer> layer(String id) {
        return layers.stream().filter(l -> l.entry().id().equals(id)).findFirst();
    }

    /** The initial extent, or the union of the loaded layers' bounds when the project has none. */
    public Envelope fullExtent() {
        Envelope e = new Envelope();
        for (ProjectLayer l : layers) {
            if (l.isLoaded() && !l.data().bounds().isNull()) e.expandToInclude(l.data().bounds());
        }
        return e;
    }

    public Envelope initialExtent() {
        Envelope init = project.initialExtent();
        return init != null && !init.isNull() ? init : fullExtent();
    }

    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (ProjectLayer l : layers) {
            if (l.error() != null) out.add(l.error());
            if (l.styleError() != null) out.add(l.styleError());
        }
        return out;
    }

    /** What the user should know about layers that did load (a WFS layer from its cached copy). */
    public List<String> notices() {
        return layers.stream().map(ProjectLayer::notice).filter(n -> n != null).toList();
    }

    /** Titles of the indicative layers that are loaded and shown, in layer order. */
    public List<String> indicativeShown() {
        return layers.stream().filter(l -> l.isLoaded() && l.entry().visible() && l.entry().indicative())
                .map(l -> l.entry().title()).toList();
    }
}
