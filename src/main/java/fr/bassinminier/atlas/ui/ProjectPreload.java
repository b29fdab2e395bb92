package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The project the window will open at launch, read and its layers opened on a thread of their own
 * from {@code main}, while JavaFX starts and the window is built (about a second and a half on
 * the FX thread, during which the other processor was idle). The window's opening then takes the
 * project and its layers from here instead of reading them again; they arrive as they would have,
 * only earlier. Nothing here touches the window: a failure is handed to it as it would be thrown.
 */
final class ProjectPreload {
    private static volatile ProjectPreload started;

    private final Path file;
    private final CompletableFuture<MapProject> project = new CompletableFuture<>();
    private final Map<String, CompletableFuture<ProjectLayer>> layers = new ConcurrentHashMap<>();

    private ProjectPreload(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Starts reading {@code file} and opening its layers (visible first) on a daemon thread. */
    static ProjectPreload start(Path file) {
        ProjectPreload p = new ProjectPreload(file);
        started = p;
        Thread t = new Thread(p::run, "atlas-preload");
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** The preload of {@code file}, once: a later opening of the same file reads it again. */
    static ProjectPreload take(Path file) {
        ProjectPreload p = started;
        if (p == null || !p.file.equals(file.toAbsolutePath().normalize())) return null;
        started = null;
        return p;
    }

    /** The order the layers are opened in: what the first frame shows, first. */
    static List<LayerEntry> openingOrder(MapProject mp) {
        List<LayerEntry> order = new ArrayList<>(mp.layers());
        order.sort(Comparator.comparing(e -> !e.visible()));
        return order;
    }

    private void run() {
        MapProject mp;
        try {
            mp = ProjectFile.read(file);
        } catch (Throwable ex) {
            project.completeExceptionally(ex);
            return;
        }
        List<LayerEntry> order = openingOrder(mp);
        order.forEach(e -> layers.put(e.id(), new CompletableFuture<>()));
        project.complete(mp);
        Map<Path, Dataset> cache = new HashMap<>();
        for (LayerEntry e : order) {
            ProjectLayer l;
            try {
                l = ProjectLoader.openLayer(mp, file, e, cache, MainWindow.STREAM_FROM_BYTES);
            } catch (Throwable ex) { // openLayer reports a layer's failure in the layer; anything else, here
                layers.get(e.id()).completeExceptionally(ex);
                continue;
            }
            layers.get(e.id()).complete(l);
            StartTrace.mark("preload: layer " + e.id());
        }
    }

    /** The project file as read (waits for it); a failure is thrown as {@link ProjectFile#read} threw it. */
    MapProject project() throws Exception {
        return unwrap(project);
    }

    /** The project file as read, or null while it is being read or if it failed. */
    MapProject projectIfRead() {
        return project.isDone() && !project.isCompletedExceptionally() ? project.join() : null;
    }

    /** The layer {@code e} if it is opened already, else null. */
    ProjectLayer layerIfOpened(LayerEntry e) {
        CompletableFuture<ProjectLayer> f = layers.get(e.id());
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    /** The layer {@code e} of the project, opened (waits for it). */
    ProjectLayer layer(LayerEntry e) throws Exception {
        return unwrap(layers.get(e.id()));
    }

    private static <T> T unwrap(CompletableFuture<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) throw cause;
            if (ex.getCause() instanceof Error err) throw err;
            throw ex;
        }
    }
}
