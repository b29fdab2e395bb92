package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.render.ImageRenderer;
import fr.bassinminier.atlas.render.RenderRequest;
import fr.bassinminier.atlas.render.Viewport;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.io.png.PngEncoder;
import java.lang.management.ManagementFactory;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas render PROJECT --out map.png`: the map as an image, with the same renderer as the screen. */
@Command(name = "render", sortOptions = false)
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "${bundle:cli.label.project}", descriptionKey = "cli.RenderCommand.param0")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "${bundle:cli.label.pngFile}", descriptionKey = "cli.RenderCommand.out")
    Path out;

    @Option(names = "--width", defaultValue = "1920", paramLabel = "${bundle:cli.label.width}", descriptionKey = "cli.RenderCommand.width")
    int width;

    @Option(names = "--height", defaultValue = "1080", paramLabel = "H", descriptionKey = "cli.RenderCommand.height")
    int height;

    @Option(names = "--bbox", paramLabel = "minx,miny,maxx,maxy", descriptionKey = "cli.RenderCommand.bbox")
    String bbox;

    @Option(names = "--crs", paramLabel = "EPSG:CODE", descriptionKey = "cli.RenderCommand.crs")
    String crs;

    @Option(names = "--dpi", paramLabel = "${bundle:cli.label.dpi}", descriptionKey = "cli.RenderCommand.dpi")
    Double dpi;

    @Option(names = "--pixel-ratio", paramLabel = "R", descriptionKey = "cli.RenderCommand.pixel-ratio")
    Double pixelRatio;

    @Option(names = "--background", paramLabel = "${bundle:cli.label.background}", descriptionKey = "cli.RenderCommand.background")
    String background;

    @Option(names = "--json", descriptionKey = "cli.RenderCommand.json")
    boolean json;

    @Option(names = "--fond", defaultValue = "aucun", paramLabel = "${bundle:cli.label.name}",
            descriptionKey = "cli.RenderCommand.fond")
    String fond;

    @picocli.CommandLine.Mixin
    WfsCli.ServiceOptions services = new WfsCli.ServiceOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
            err.println(Localization.text("cli.errorInvalidImageSize", width, height));
            return 2;
        }
        if (dpi != null && pixelRatio != null) {
            err.println(Localization.get("cli.errorDpiPixelRatio"));
            return 2;
        }
        double ratio = dpi != null ? dpi / 96 : pixelRatio != null ? pixelRatio : 1;
        if (!(ratio > 0) || ratio > 50) {
            err.println(Localization.text("cli.errorInvalid", (dpi != null ? "--dpi" : "--pixel-ratio")));
            return 2;
        }
        java.awt.Color paper = RenderRequest.SCREEN_BACKGROUND;
        if (background != null) {
            switch (background.strip().toLowerCase(Locale.ROOT)) {
                case "white", "blanc" -> paper = java.awt.Color.WHITE;
                case "transparent" -> paper = null;
                default -> {
                    err.println(Localization.text("cli.errorBackgroundExpectsWhite", background));
                    return 2;
                }
            }
        }
        long t0 = System.nanoTime();
        // Asked only for --json: the management classes and their native library cost a start ≈ 10 ms.
        long startMs = json ? Math.max(0, System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) : 0;
        // Layers are read from their files as they are drawn where the format allows it.
        LoadedProject p = WfsCli.isWfs(project) ? WfsCli.project(project.toString(), services, err)
                : AtlasCommand.loadProject(project, err, true);
        if (p == null) return 1;
        long tLoaded = System.nanoTime();
        Envelope extent = p.initialExtent();
        if (bbox != null) {
            try {
                extent = parseBbox(bbox, crs == null ? p.project().crs() : new CrsId(crs.trim(), null), p.project().crs());
            } catch (IllegalArgumentException e) {
                err.println(Localization.text("cli.errorBbox", e.getMessage()));
                return 2;
            }
        }
        if (extent == null || extent.isNull()) {
            err.println(Localization.get("cli.errorProjectLoadedLayer"));
            return 1;
        }
        Viewport vp = Viewport.fit(extent, width, height);
        ImageRenderer.Rendered r;
        RenderRequest req;
        try (var tiles = TilesCommand.open(fond, err)) {
            req = ImageRenderer.marksFor(p, RenderRequest.of(vp, ratio).withBackground(paper).withBasemap(tiles, true));
            r = new ImageRenderer().render(p, req, BufferedImage.TYPE_INT_ARGB);
        }
        // A layer that could not be drawn leaves the others on the map; the command says so and fails.
        for (RenderRequest.Notice n : req.notices()) {
            err.println(Localization.text("cli.errorLayerDrawn", n.layerTitle(), n.problem()));
        }
        long tRendered = System.nanoTime();
        byte[] png = new PngEncoder(PngEncoder.DEFAULT_LEVEL, 96 * ratio).encode(r.image());
        long tEncoded = System.nanoTime();
        try {
            AtomicFiles.write(out, o -> o.write(png));
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
        long tWritten = System.nanoTime();
        long readNanos = 0;
        int streamed = 0;
        for (var l : p.layers()) {
            if (l.isLoaded() && l.data().isStreamed()) {
                streamed++;
                readNanos += l.data().readNanos();
            }
        }
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("file", out.toString());
            n.put("width", width);
            n.put("height", height);
            n.put("pixel_ratio", ratio);
            n.put("scale", req.scaleDenominator());
            n.set("extent", Json.bounds(vp.ground()));
            n.put("features_drawn", r.stats().featuresDrawn());
            n.put("streamed_layers", streamed);
            n.put("bytes", png.length);
            ObjectNode t = n.putObject("timings_ms");
            t.put("start", startMs);
            t.put("open", ms(tLoaded - t0));
            // Streamed layers are read while drawn: time spent fetching and decoding rows, all threads.
            t.put("read", ms(readNanos));
            t.put("render", ms(tRendered - tLoaded));
            t.put("encode", ms(tEncoded - tRendered));
            t.put("write", ms(tWritten - tEncoded));
            t.put("total", startMs + ms(tWritten - t0));
            try {
                stdout.println(Json.MAPPER.writeValueAsString(n));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            stdout.printf(Locale.FRANCE, Localization.get("cli.writtenScaleOpeningMs"),
                    out, width, height, req.scaleDenominator(), ms(tLoaded - t0), ms(tRendered - tLoaded),
                    ms(tEncoded - tRendered));
        }
        return req.notices().isEmpty() ? 0 : 1;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static Envelope parseBbox(String text, CrsId from, CrsId to) {
        String[] parts = text.split(",");
        if (parts.length != 4) throw new IllegalArgumentException(Localization.get("cli.expectsFourNumbersSeparated"));
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Localization.text("cli.number", parts[i].trim()));
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) throw new IllegalArgumentException(Localization.get("cli.minxMaxxMinyMaxy"));
        if (!CrsTransforms.isSupported(from)) throw new IllegalArgumentException(Localization.text("cli.unknownCoordinateSystem", from));
        var t = CrsTransforms.between(from, to);
        Envelope e = new Envelope();
        // Transform corners and edge midpoints: a box in degrees is not a box in metres.
        for (double fx = 0; fx <= 1; fx += 0.5) {
            for (double fy = 0; fy <= 1; fy += 0.5) {
                double[] p = t.apply(v[0] + fx * (v[2] - v[0]), v[1] + fy * (v[3] - v[1]));
                e.expandToInclude(p[0], p[1]);
            }
        }
        return e;
    }
}
