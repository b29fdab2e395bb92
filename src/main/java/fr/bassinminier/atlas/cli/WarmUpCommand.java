package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.io.project.DemoProject;
import fr.bassinminier.atlas.l10n.Localization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `atlas warm-up` (hidden): runs the everyday commands once on the default map, into a temporary
 * folder deleted afterwards. The launchers record a class-data-sharing archive while it runs, so
 * that the archive holds the classes of every command rather than only those of whichever command
 * happened to run first after an install or a build. Nothing is written beside the map: not its
 * records database (no `records` command), which would otherwise be created in the install folder.
 *
 * <p>`atlas warm-up render` runs that command alone: the launchers keep an archive of its own for
 * render and for print, holding only its classes (a smaller archive is mapped sooner: 10k
 * footprints → PNG 0.50 → 0.47 s).
 */
@Command(name = "warm-up", hidden = true)
final class WarmUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMANDE", descriptionKey = "cli.WarmUpCommand.only")
    String only;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path demo = DemoProject.locate().orElse(null);
        if (demo == null) {
            err.println(Localization.get("cli.warmUp.noDemo"));
            return 1;
        }
        Path dir = Files.createTempDirectory("atlas-warm-up");
        try {
            String p = demo.toString();
            List<String[]> runs = List.of(
                    new String[] {"info", p},
                    new String[] {"render", p, "--out", dir.resolve("carte.png").toString()},
                    new String[] {"print", "--project", p, "--out", dir.resolve("carte.pdf").toString()},
                    new String[] {"impact", "--project", p, "--point", "688117 7037177",
                            "--pdf", dir.resolve("avis.pdf").toString()});
            if (only != null && runs.stream().noneMatch(a -> a[0].equals(only))) {
                err.println(Localization.text("cli.warmUp.unknown", only));
                return 2;
            }
            int failed = 0;
            for (String[] args : runs) {
                if (only != null && !args[0].equals(only)) continue;
                // Their output is not the user's business; a failure is (the archive would miss it).
                StringWriter sink = new StringWriter();
                int code = AtlasCommand.run(args, new PrintWriter(sink), new PrintWriter(sink));
                if (code != 0) {
                    failed++;
                    err.println(Localization.text("cli.warmUp.failed", String.join(" ", args), code));
                }
            }
            return failed == 0 ? 0 : 1;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }
}
