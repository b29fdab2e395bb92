package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ResponseCache;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.project.LayerImport;
import fr.bassinminier.atlas.io.wfs.WfsCapabilities;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsFeatureType;
import fr.bassinminier.atlas.io.wfs.WfsSource;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** What the commands share to reach the online services: timeout, cache, and `wfs:` sources. */
final class WfsCli {
    private WfsCli() {
    }

    /** Options mixed into the commands that reach a service. */
    static final class ServiceOptions {
        @Option(names = "--timeout", defaultValue = "20", paramLabel = "${bundle:cli.label.seconds}",
                descriptionKey = "cli.ServiceOptions.timeout")
        int timeoutSeconds = 20;

        @Option(names = "--cache", paramLabel = "${bundle:cli.label.folder}",
                descriptionKey = "cli.ServiceOptions.cache")
        Path cache;

        HttpService http(boolean offline) {
            if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new IllegalArgumentException(Localization.get("cli.timeoutBetweenS2"));
            return new HttpService(Duration.ofSeconds(timeoutSeconds))
                    .withCache(cache != null ? new ResponseCache(cache) : ResponseCache.userDefault()).offline(offline);
        }
    }

    static boolean isWfs(Path p) {
        return p != null && WfsSource.isWfs(p.toString());
    }

    /** `info wfs:…`: the service's layers, or one layer's description. Null when it failed (message printed). */
    static ObjectNode info(String source, ServiceOptions so, PrintWriter err, java.util.function.Function<
            fr.bassinminier.atlas.model.VectorLayer, ObjectNode> describe) {
        try {
            WfsSource s = WfsSource.parse(source);
            WfsClient c = s.client(so.http(false));
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("file", s.toString());
            ArrayNode layers = root.putArray("layers");
            if (s.typeName() == null) {
                WfsCapabilities caps = c.capabilities();
                root.put("format", "WFS " + caps.version());
                root.put("service", true);
                if (caps.title() != null) root.put("title", caps.title());
                for (WfsFeatureType t : caps.featureTypes()) {
                    ObjectNode n = layers.addObject();
                    n.put("name", t.name());
                    n.put("title", t.title());
                    n.put("crs", t.defaultCrs());
                    n.put("feature_count", (String) null);
                }
                return root;
            }
            WfsClient.Result r = s.load(c);
            root.put("format", "WFS " + c.version() + " (" + r.format() + ")");
            ObjectNode n = describe.apply(r.layer());
            n.put("number_matched", r.numberMatched());
            n.put("pages", r.pages());
            n.put("fetched_at", r.fetchedAt().toString());
            layers.add(n);
            return root;
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return null;
        } catch (ServiceException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return null;
        }
    }

    /** The layers of a service, one line each: name — title (default CRS). */
    static void printService(PrintWriter out, ObjectNode root) {
        out.println("Service : " + root.path("file").asText());
        out.println(Localization.text("cli.format", root.path("format").asText()));
        if (root.has("title")) out.println(Localization.text("cli.title", root.path("title").asText()));
        out.println("Couches (" + root.path("layers").size() + ") :");
        for (var l : root.path("layers")) {
            out.println("  " + l.path("name").asText() + " — " + l.path("title").asText()
                    + (l.path("crs").isTextual() ? " (" + l.path("crs").asText() + ")" : ""));
        }
    }

    /** A one-layer project from a `wfs:` source, for `render`. Null when it failed (message printed). */
    static LoadedProject project(String source, ServiceOptions so, PrintWriter err) {
        try {
            WfsSource s = WfsSource.parse(source);
            if (s.typeName() == null) {
                err.println(Localization.get("cli.errorWfsSourceWithout"));
                return null;
            }
            WfsClient.Result r = s.load(s.client(so.http(false)));
            Dataset ds = new Dataset(Path.of(s.typeName().replace(':', '_')), "WFS", List.of(r.layer()));
            List<ProjectLayer> layers = LayerImport.toProjectLayers(ds, null, CrsId.LAMBERT_93);
            MapProject mp = new MapProject(s.typeName(), CrsId.LAMBERT_93, null,
                    layers.stream().map(ProjectLayer::entry).toList(), List.of(), null);
            return new LoadedProject(mp, null, layers);
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return null;
        } catch (ServiceException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return null;
        }
    }
}
