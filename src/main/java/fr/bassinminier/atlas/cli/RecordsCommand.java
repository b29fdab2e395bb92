package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.DemoProject;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.ProgressReport;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.RecordsSnapshot;
import fr.bassinminier.atlas.records.exchange.ConflictPolicy;
import fr.bassinminier.atlas.records.exchange.ImportPlan;
import fr.bassinminier.atlas.records.exchange.RecordImport;
import fr.bassinminier.atlas.records.exchange.RecordSheets;
import fr.bassinminier.atlas.records.project.RecordsProject;
import fr.bassinminier.atlas.records.sqlite.SqliteCiteStore;
import fr.bassinminier.atlas.records.sqlite.StoreBackups;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `atlas records export|import|stats`: the cité records of a map project, without the window. */
@Command(name = "records", sortOptions = false,
        subcommands = {RecordsCommand.Export.class, RecordsCommand.Import.class, RecordsCommand.Stats.class,
                RecordsServerCommands.Migrate.class, RecordsServerCommands.Server.class,
                RecordsCommand.Check.class, RecordsCommand.Restore.class},
        synopsisSubcommandLabel = "COMMANDE")
final class RecordsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --project, shared by the subcommands (a picocli mixin). */
    /** A records subcommand on a project: the project option, the output streams, errors in French. */
    abstract static class OnProject implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path p = project.resolve(err);
            if (p == null) return 1;
            try {
                return run(p, out, err);
            } catch (RecordsException | DataException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            }
        }

        abstract int run(Path project, PrintWriter out, PrintWriter err) throws RecordsException, DataException;
    }

    static final class ProjectOption {
        @Option(names = "--project", paramLabel = "${bundle:cli.label.project}",
                descriptionKey = "cli.ProjectOption.project")
        Path project;

        /** The project file, or null after a French message on err. */
        Path resolve(PrintWriter err) {
            if (project != null) {
                if (!Files.isRegularFile(project)) {
                    err.println(Localization.text("cli.errorProjectFound", project));
                    return null;
                }
                return project;
            }
            return DemoProject.locate().orElseGet(() -> {
                err.println(Localization.get("cli.errorDemonstrationMapFound"));
                return null;
            });
        }
    }

    @Command(name = "export", sortOptions = false)
    static final class Export extends RecordsCommand.OnProject {
        static final class Target {
            @Option(names = "--csv", paramLabel = "${bundle:cli.label.file}", required = true, descriptionKey = "cli.Target.csv")
            Path csv;

            @Option(names = "--xlsx", paramLabel = "${bundle:cli.label.file}", required = true, descriptionKey = "cli.Target.xlsx")
            Path xlsx;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            try (CiteStore store = RecordsProject.open(p)) {
                // The base version is read before the records: see CiteStore.lastEditId.
                long version = store.lastEditId();
                RecordsSnapshot s = store.snapshot();
                List<Path> files;
                if (target.csv != null) {
                    files = RecordSheets.writeCsv(target.csv, s, version);
                } else {
                    RecordSheets.writeXlsx(target.xlsx, s, store.recentHistory(Integer.MAX_VALUE), version);
                    files = List.of(target.xlsx);
                }
                out.println(Localization.text("cli.recordsExportedCitS", s.cites().size(), s.tranches().size(), s.urbanWorks().size()));
                for (Path f : files) out.println("  " + f);
                return 0;
            }
        }
    }

    @Command(name = "import", sortOptions = false)
    static final class Import extends RecordsCommand.OnProject {
        @Parameters(index = "0", paramLabel = "${bundle:cli.label.file}", descriptionKey = "cli.Import.param0")
        Path file;

        @Option(names = "--dry-run", descriptionKey = "cli.Import.dry-run")
        boolean dryRun;

        @Option(names = "--user", paramLabel = "${bundle:cli.label.name}",
                descriptionKey = "cli.Import.user")
        String user;

        @Option(names = "--on-conflict", paramLabel = "${bundle:cli.label.choice}", defaultValue = "abort",
                descriptionKey = "cli.Import.on-conflict")
        String onConflict;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            String who = user != null ? user.strip() : System.getProperty("user.name", "").strip();
            if (who.isEmpty()) {
                err.println(Localization.get("cli.errorUnknownUserName"));
                return 2;
            }
            ConflictPolicy policy = ConflictPolicy.parse(onConflict).orElse(null);
            if (policy == null) {
                err.println(Localization.text("cli.errorUnknownConflictExpected", onConflict));
                return 2;
            }
            try (CiteStore store = RecordsProject.open(p)) {
                ImportPlan plan = RecordImport.plan(file, store, policy);
                out.println(plan.describe());
                if (plan.hasErrors()) {
                    err.println(Localization.text("cli.errorFileImportRefused", file.getFileName(), plan.errors().size()));
                    return 1;
                }
                if (plan.hasUnresolvedConflicts()) {
                    err.println(Localization.text("cli.errorImportRefusedConflict", plan.conflicts().size()));
                    return 3;
                }
                if (dryRun) {
                    out.println(Localization.get("cli.dryRunDryRun"));
                    return 0;
                }
                long edit = RecordImport.apply(store, plan, who);
                if (edit != 0) out.println(Localization.text("cli.importSavedChangeName", edit, who));
                return 0;
            }
        }
    }

    @Command(name = "stats", sortOptions = false)
    static final class Stats extends RecordsCommand.OnProject {
        @Option(names = "--json", descriptionKey = "cli.Stats.json")
        boolean json;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            try (CiteStore store = RecordsProject.open(p)) {
                ProgressReport r = ProgressReport.of(store.snapshot());
                if (json) out.println(json(r, p, store).toPrettyString());
                else text(out, r, store);
                return 0;
            }
        }

        static ObjectNode json(ProgressReport r, Path project, CiteStore store) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("project", project.toString());
            n.put("records_file", store.location());
            n.put("schema_version", store.schemaVersion());
            n.put("target", r.target());
            n.put("target_source", r.targetSource());
            n.put("cites", r.cites());
            figures(n, r.total());
            n.put("delivered_share", Math.round(r.total().share(r.target()) * 10000) / 10000.0);
            if (r.reported() == null) {
                n.putNull("reported");
            } else {
                ObjectNode rep = n.putObject("reported");
                rep.put("delivered", r.reported().delivered());
                rep.put("as_of", r.reported().asOf());
                rep.put("source", r.reported().source());
            }
            groups(n.putArray("by_epci"), r.byEpci());
            groups(n.putArray("by_owner"), r.byOwner());
            n.put("caveat", ProgressReport.CAVEAT);
            ArrayNode w = n.putArray("warnings");
            r.warnings().forEach(w::add);
            return n;
        }

        private static void figures(ObjectNode n, ProgressReport.Figures f) {
            n.put("dwellings", f.dwellings());
            n.put("delivered", f.delivered());
            n.put("in_works", f.inWorks());
            n.put("programmed", f.programmed());
            n.put("to_do", f.toDo());
        }

        private static void groups(ArrayNode a, List<ProgressReport.Group> groups) {
            for (ProgressReport.Group g : groups) {
                ObjectNode o = a.addObject();
                o.put("name", g.name());
                o.put("cites", g.cites());
                figures(o, g.figures());
            }
        }

        private static void text(PrintWriter out, ProgressReport r, CiteStore store) {
            ProgressReport.Figures t = r.total();
            out.println(Localization.text("cli.citRecordsCitS", store.location(), r.cites(), n(t.dwellings())));
            out.println(Localization.text("cli.targetDwellings", n(r.target()), r.targetSource()));
            out.printf(Locale.FRANCE, Localization.get("cli.deliveredTarget"), n(t.delivered()),
                    100 * t.share(r.target()));
            out.printf(Locale.FRANCE, Localization.get("cli.underWorks"), n(t.inWorks()));
            out.printf(Locale.FRANCE, Localization.get("cli.scheduled"), n(t.programmed()));
            out.printf(Locale.FRANCE, Localization.get("cli.operation"), n(t.toDo()));
            if (r.reported() != null) {
                out.println(Localization.text("cli.figureAnnouncedProgrammeAbout", n(r.reported().delivered()), (r.reported().asOf() == null ? "" : " (" + r.reported().asOf() + ")"), r.reported().source()));
            }
            out.println(ProgressReport.CAVEAT);
            table(out, "Par EPCI", r.byEpci());
            table(out, Localization.get("cli.owner"), r.byOwner());
            for (String w : r.warnings()) out.println(Localization.text("cli.warning", w));
        }

        private static void table(PrintWriter out, String title, List<ProgressReport.Group> groups) {
            out.println();
            out.println(title + " :");
            out.printf(Locale.FRANCE, "  %-44s %6s %10s %8s %10s %10s %8s%n", "", Localization.get("cli.stats.cites"), Localization.get("cli.dwellings"), Localization.get("cli.delivered"),
                    Localization.get("cli.underWorks2"), Localization.get("cli.scheduled2"), Localization.get("cli.op"));
            for (ProgressReport.Group g : groups) {
                ProgressReport.Figures f = g.figures();
                out.printf(Locale.FRANCE, "  %-44s %6d %10s %8s %10s %10s %8s%n", cut(g.name(), 44), g.cites(),
                        n(f.dwellings()), n(f.delivered()), n(f.inWorks()), n(f.programmed()), n(f.toDo()));
            }
        }

        private static String cut(String s, int w) {
            return s.length() <= w ? s : s.substring(0, w - 1) + "…";
        }

        /** 23 000 with a plain space: the narrow no-break space of Locale.FRANCE misaligns columns. */
        private static String n(int v) {
            return String.format(Locale.FRANCE, "%,d", v).replace('\u202f', ' ').replace('\u00a0', ' ');
        }
    }

    @Command(name = "check", sortOptions = false)
    static final class Check extends RecordsCommand.OnProject {
        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            Path file = RecordsProject.recordsFile(p);
            if (!Files.isRegularFile(file)) {
                err.println(Localization.text("cli.errorFileMissingRecord", file.getFileName()));
                return 1;
            }
            try (SqliteCiteStore store = SqliteCiteStore.open(file)) {
                String check = store.integrityCheck();
                if (!check.equals("ok")) {
                    err.println(Localization.text("cli.errorFileDamaged", file.getFileName()));
                    check.lines().limit(20).forEach(l -> err.println("  " + l));
                    err.println(Localization.get("cli.restoreAutomaticBackupAtlas"));
                    return 1;
                }
                out.println(Localization.text("cli.fileSoundChangesSaved", file.getFileName(), store.editCount()));
                StoreBackups.newest(file).ifPresent(b -> out.println(Localization.text("cli.lastAutomaticBackup", b)));
                return 0;
            }
        }
    }

    @Command(name = "restore", sortOptions = false)
    static final class Restore extends RecordsCommand.OnProject {
        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            StoreBackups.Restored r = StoreBackups.restore(RecordsProject.recordsFile(p));
            out.println(Localization.text("cli.recordsRestored", r.backup().getFileName(), r.date()));
            if (r.damagedKept() != null) out.println(Localization.text("cli.oldFileKept", r.damagedKept()));
            return 0;
        }
    }
}
