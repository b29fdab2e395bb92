package fr.bassinminier.atlas.cli;

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
@Command(name = "tiles", sortOptions = false, description = "Fonds de plan : paquets hors ligne.",
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
                        if (m != null) err.println("Attention : " + m + " — carte dessinée sans les tuiles manquantes.");
                    });
                    return s;
                } catch (ServiceException e) {
                    err.println("Attention : " + e.getMessage() + " — carte dessinée sans fond de plan.");
                    return null;
                }
            }).orElse(null);
        } catch (ServiceException e) {
            err.println("Attention : " + e.getMessage() + " — carte dessinée sans fond de plan.");
            return null;
        }
    }

    @Command(name = "prefetch", sortOptions = false,
            description = {"Télécharge les tuiles d'un fond de plan sur une emprise et des niveaux de zoom dans un"
                    + " paquet MBTiles, pour travailler hors ligne (Fond de plan > Ouvrir un paquet hors ligne…).",
                    "Quatre requêtes à la fois au plus, 100 000 tuiles au plus par paquet : les services de la"
                            + " Géoplateforme ne sont pas faits pour la copie en masse."})
    static final class Prefetch implements Callable<Integer> {
        @Option(names = "--fond", defaultValue = "plan-ign", paramLabel = "NOM",
                description = "plan-ign, photos, parcelles, ou une adresse XYZ {z}/{x}/{y} (défaut : ${DEFAULT-VALUE}).")
        String background;

        @Option(names = "--bbox", defaultValue = BASIN, paramLabel = "minx,miny,maxx,maxy",
                description = "Emprise en Lambert-93 (défaut : le bassin minier, ${DEFAULT-VALUE}).")
        String bbox;

        @Option(names = "--zoom", defaultValue = "8-16", paramLabel = "MIN-MAX",
                description = "Niveaux de zoom Web Mercator (défaut : ${DEFAULT-VALUE}).")
        String zoom;

        @Option(names = "--out", required = true, paramLabel = "FICHIER.mbtiles", description = "Paquet à écrire.")
        Path out;

        @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
                description = "Requêtes simultanées, 1 à 8 (défaut : ${DEFAULT-VALUE}).")
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
                if (z0 < 0 || z1 > 21 || z0 > z1) throw new IllegalArgumentException("--zoom : 0 ≤ min ≤ max ≤ 21 attendu.");
            } catch (NumberFormatException e) {
                err.println("Erreur : --zoom attend MIN-MAX, par exemple 8-16.");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("Erreur : " + e.getMessage());
                return 2;
            }
            if (parallel < 1 || parallel > 8) {
                err.println("Erreur : --parallel entre 1 et 8.");
                return 2;
            }
            try {
                Basemap b = Backgrounds.resolve(background).orElseThrow(() -> new ServiceException("Fond de plan",
                        ServiceException.Problem.NOT_FOUND, "« aucun » ne se précharge pas"));
                long t0 = System.nanoTime();
                int[] last = {-1};
                try (TileSource source = fr.bassinminier.atlas.io.tiles.TilePacks.source(b, Backgrounds.sharedCache())) {
                    TilePacks.PrefetchResult r = TilePacks.prefetch(source, extent, z0, z1, out, parallel, (d, t) -> {
                        int pct = (int) (100L * d / Math.max(1, t));
                        if (pct / 10 != last[0]) {
                            last[0] = pct / 10;
                            err.printf(Locale.FRANCE, "\r%d %% (%d/%d tuiles)", pct, d, t);
                            err.flush();
                        }
                    }, () -> false);
                    err.println();
                    out0.printf(Locale.FRANCE, "%s écrit : %d tuiles (%d en échec), %,.1f Mo, niveaux %d à %d, %d s%n",
                            out, r.written(), r.failed(), r.bytes() / 1e6, z0, z1,
                            (System.nanoTime() - t0) / 1_000_000_000L);
                    return r.failed() > 0 ? 1 : 0;
                }
            } catch (ServiceException e) {
                err.println("Erreur : " + e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("Erreur : écriture de " + out + " impossible : " + e.getMessage());
                return 1;
            }
        }
    }
}
