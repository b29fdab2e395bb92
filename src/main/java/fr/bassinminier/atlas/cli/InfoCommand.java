package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.io.project.ProjectLoader;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas info FILE`: what a data file or a map project holds, like ogrinfo. */
@Command(name = "info", sortOptions = false)
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "${bundle:cli.label.file}", descriptionKey = "cli.InfoCommand.param0")
    Path file;

    @Option(names = "--json", descriptionKey = "cli.InfoCommand.json")
    boolean json;

    @Option(names = "--sample", paramLabel = "N", descriptionKey = "cli.InfoCommand.sample")
    int sample;

    @Option(names = "--crs", paramLabel = "EPSG:CODE", descriptionKey = "cli.InfoCommand.crs")
    String crs;

    @picocli.CommandLine.Mixin
    WfsCli.ServiceOptions services = new WfsCli.ServiceOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CrsId target = null;
        if (crs != null) {
            target = new CrsId(crs.trim(), null);
            if (!CrsTransforms.isSupported(target)) {
                err.println(Localization.text("cli.errorUnknownCoordinateSystem", crs));
                return 2;
            }
        }
        if (sample < 0) {
            err.println(Localization.get("cli.errorSampleExpectsPositive"));
            return 2;
        }
        if (WfsCli.isWfs(file)) {
            final CrsId to = target;
            ObjectNode wfs = WfsCli.info(file.toString(), services, err, l -> describe(l, to));
            if (wfs == null) return 1;
            if (json) out.println(wfs.toPrettyString());
            else if (wfs.path("service").asBoolean(false)) WfsCli.printService(out, wfs);
            else printText(out, wfs);
            return 0;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", file.toString());
        ArrayNode layers = root.putArray("layers");
        try {
            if (ProjectFile.isProjectFile(file)) {
                LoadedProject p = ProjectLoader.open(file);
                root.put("format", "Projet Atlas");
                root.put("title", p.project().title());
                root.put("crs", p.project().crs().code());
                root.put("indicative", !p.indicativeShown().isEmpty());
                for (ProjectLayer pl : p.layers()) {
                    ObjectNode n = pl.isLoaded() ? describe(pl.data(), target) : layers.objectNode();
                    n.put("id", pl.entry().id());
                    n.put("title", pl.entry().title());
                    n.put("group", pl.entry().group());
                    n.put("source", pl.entry().source());
                    n.put("visible", pl.entry().visible());
                    if (pl.error() != null) n.put("error", pl.error());
                    layers.add(n);
                }
            } else {
                Dataset ds = Formats.read(file);
                root.put("format", ds.format());
                for (VectorLayer l : ds.layers()) layers.add(describe(l, target));
            }
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
        if (json) {
            out.println(root.toPrettyString());
        } else {
            printText(out, root);
        }
        return 0;
    }

    private ObjectNode describe(VectorLayer layer, CrsId target) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", layer.name());
        n.put("geometry_type", layer.geometryType().ogcName());
        n.put("crs", layer.crs().isKnown() ? layer.crs().code() : null);
        if (!layer.crs().isKnown() && layer.crs().definition() != null) n.put("crs_definition", layer.crs().definition());
        n.put("feature_count", layer.size());
        VectorLayer shown = layer;
        if (target != null && layer.crs().isKnown()) {
            shown = CrsTransforms.transform(layer, target);
            n.put("output_crs", target.code());
        }
        Envelope b = shown.bounds();
        if (b.isNull()) n.putNull("bounds");
        else n.set("bounds", Json.bounds(b));
        ArrayNode fields = n.putArray("fields");
        for (Field f : layer.schema().fields()) {
            ObjectNode fn = fields.addObject();
            fn.put("name", f.name());
            fn.put("type", f.type().name().toLowerCase(Locale.ROOT));
        }
        if (sample > 0) {
            ArrayNode feats = n.putArray("features");
            WKTWriter wkt = new WKTWriter(3);
            // Millimetres for projected data, about a centimetre for degrees: no float noise.
            double scale = shown.crs().sameAs(CrsId.WGS84) ? 1e7 : 1e3;
            for (int i = 0; i < Math.min(sample, shown.size()); i++) {
                Feature f = shown.features().get(i);
                ObjectNode fn = feats.addObject();
                fn.put("id", f.id());
                ObjectNode attrs = fn.putObject("attributes");
                f.attributes().forEach((k, v) -> Json.put(attrs, k, v));
                Geometry g = f.geometry();
                if (g == null) fn.putNull("wkt");
                else fn.put("wkt", wkt.write(fr.bassinminier.atlas.model.Coordinates.round(g, scale)));
            }
        }
        return n;
    }

    private static void printText(PrintWriter out, ObjectNode root) {
        out.println(Localization.text("cli.file", root.path("file").asText()));
        out.println(Localization.text("cli.format", root.path("format").asText()));
        if (root.has("title")) out.println(Localization.text("cli.title", root.path("title").asText()));
        if (root.path("indicative").asBoolean(false)) out.println(Localization.get("cli.indicativeDataUnofficialGeometries"));
        int i = 1;
        for (var l : root.path("layers")) {
            out.println();
            String title = l.has("title") ? " — " + l.path("title").asText() : "";
            out.println(i++ + ". " + l.path("name").asText(l.path("id").asText()) + title);
            if (l.has("error")) {
                out.println(Localization.text("cli.error2", l.path("error").asText()));
                continue;
            }
            out.println(Localization.text("cli.geometry", l.path("geometry_type").asText()));
            out.println(Localization.text("cli.coordinateSystem", (l.path("crs").isNull() ? Localization.get("cli.unknown") : l.path("crs").asText()), (l.has("output_crs") ? Localization.text("cli.shown", l.path("output_crs").asText()) : "")));
            out.println(Localization.text("cli.features", l.path("feature_count").asInt()));
            var b = l.path("bounds");
            if (b.isArray()) {
                out.printf(Locale.ROOT, Localization.get("cli.extent"), b.get(0).asDouble(),
                        b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
            }
            out.println("   Champs :");
            for (var f : l.path("fields")) out.println("     " + f.path("name").asText() + " (" + f.path("type").asText() + ")");
            for (var f : l.path("features")) {
                out.println(Localization.text("cli.feature", f.path("id").asText()));
                f.path("attributes").fields().forEachRemaining(e ->
                        out.println("     " + e.getKey() + " = " + (e.getValue().isNull() ? "" : e.getValue().asText())));
                out.println(Localization.text("cli.geometry2", f.path("wkt").asText()));
            }
        }
    }
}
