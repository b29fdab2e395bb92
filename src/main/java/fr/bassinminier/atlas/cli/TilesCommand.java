package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.tiles.Backgrounds;
import fr.bassinminier.atlas.io.tiles.TilePacks;
import fr.bassinminier.atlas.io.tiles.TileService;
import fr.bassinminier.atlas.io.tiles.TileSource;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.tiles.Basemap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `atlas tiles prefetch …`: offline packs of a background map. */
@Command(name = "tiles", sortOptions = false, 
        subcommands = {TilesCommand.Prefetch.class})
final class TilesCommand implements Runnable {
    /** The basin's extent in Lambert-93, the default of a prefetch. */
    static final String BASIN = "620000,7010000,740000,7070000";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The tile service for a --fond option, or null for none. A background that cannot be opened
     * is reported and the map is drawn without it.
     */
    static TileService open(String name, PrintWriter err) {
        try {
            return Backgrounds.resolve(name).map(b -> {
                try {
                    TileService s = Backgrounds.service(b);
                    s.setOnProblem(m -> {
                        if (m != null) err.println(Localization.text("cli.warningMapDrawnWithout", m));
                    });
                    return s;
                } catch (ServiceException e) {
                    err.println(Localization.text("cli.warningMapDrawnWithout2", e.getMessage()));
                    return null;
                }
            }).orElse(null);
        } catch (ServiceException e) {
            err.println(Localization.text("cli.warningMapDrawnWithout2", e.getMessage()));
            return null;
        }
    }

    @Command(name = "prefetch", sortOptions = false)
    static final class Prefetch implements Callable<Integer> {
        @Option(names = "--fond", defaultValue = "plan-ign", paramLabel = "${bundle:cli.label.name}",
                descriptionKey = "cli.Prefetch.fond")
        String background;

        @Option(names = "--bbox", defaultValue = BASIN, paramLabel = "minx,miny,maxx,maxy",
                descriptionKey = "cli.Prefetch.bbox")
        String bbox;

        @Option(names = "--zoom", defaultValue = "8-16", paramLabel = "MIN-MAX",
                descriptionKey = "cli.Prefetch.zoom")
        String zoom;

        @Option(names = "--out", required = true, paramLabel = "${bundle:cli.label.mbtilesFile}", descriptionKey = "cli.Prefetch.out")
        Path out;

        @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
                descriptionKey = "cli.Prefetch.parallel")
        int parallel;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out0 = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Envelope extent;
            int z0;
            int z1;
            try {
                extent = RenderCommand.parseBbox(bbox, CrsId.LAMBERT_93, CrsId.LAMBERT_93);
                String[] zs = zoom.split("-");
                z0 = Integer.parseInt(zs[0].trim());
                z1 = Integer.parseInt(zs[zs.length - 1].trim());
                if (z0 < 0 || z1 > 21 || z0 > z1) throw new IllegalArgumentException(Localization.get("cli.zoomMinMaxExpected"));
            } catch (NumberFormatException e) {
                err.println(Localization.get("cli.errorZoomExpectsMin"));
                return 2;
            } catch (IllegalArgumentException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 2;
            }
            if (parallel < 1 || parallel > 8) {
                err.println(Localization.get("cli.errorParallelBetween"));
                return 2;
            }
            try {
                Basemap b = Backgrounds.resolve(background).orElseThrow(() -> new ServiceException(Localization.get("cli.background"),
                        ServiceException.Problem.NOT_FOUND, Localization.get("cli.aucunCannotPrefetched")));
                long t0 = System.nanoTime();
                int[] last = {-1};
                try (TileSource source = fr.bassinminier.atlas.io.tiles.TilePacks.source(b, Backgrounds.sharedCache())) {
                    TilePacks.PrefetchResult r = TilePacks.prefetch(source, extent, z0, z1, out, parallel, (d, t) -> {
                        int pct = (int) (100L * d / Math.max(1, t));
                        if (pct / 10 != last[0]) {
                            last[0] = pct / 10;
                            err.printf(Locale.FRANCE, Localization.get("cli.tiles"), pct, d, t);
                            err.flush();
                        }
                    }, () -> false);
                    err.println();
                    out0.printf(Locale.FRANCE, Localization.get("cli.writtenTilesFailedMb"),
                            out, r.written(), r.failed(), r.bytes() / 1e6, z0, z1,
                            (System.nanoTime() - t0) / 1_000_000_000L);
                    return r.failed() > 0 ? 1 : 0;
                }
            } catch (ServiceException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            } catch (java.io.IOException e) {
                err.println(Localization.text("cli.errorCannotWrite", out, e.getMessage()));
                return 1;
            }
        }
    }
}
