package fr.bassinminier.atlas.cli;

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
        description = {"Fiches des cités et suivi de la rénovation (base SQLite NOM.records.sqlite à côté du projet, "
                + "créée et amorcée au premier usage)."},
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
                err.println("Erreur : " + e.getMessage());
                return 1;
            }
        }

        abstract int run(Path project, PrintWriter out, PrintWriter err) throws RecordsException, DataException;
    }

    static final class ProjectOption {
        @Option(names = "--project", paramLabel = "PROJET",
                description = "Projet de carte (*.atlas.json) ; par défaut la carte de démonstration.")
        Path project;

        /** The project file, or null after a French message on err. */
        Path resolve(PrintWriter err) {
            if (project != null) {
                if (!Files.isRegularFile(project)) {
                    err.println("Erreur : projet « " + project + " » introuvable.");
                    return null;
                }
                return project;
            }
            return DemoProject.locate().orElseGet(() -> {
                err.println("Erreur : carte de démonstration introuvable ; indiquez le projet avec --project.");
                return null;
            });
        }
    }

    @Command(name = "export", sortOptions = false,
            description = {"Exporte les fiches pour un tableur.",
                    "--csv écrit trois fichiers (UTF-8 avec BOM, « ; », pour Excel) : FICHIER (cités), "
                            + "FICHIER-tranches.csv et FICHIER-travaux-urbains.csv ; --xlsx écrit un classeur avec "
                            + "les feuilles Cités, Tranches, Travaux urbains et Historique."})
    static final class Export extends RecordsCommand.OnProject {
        static final class Target {
            @Option(names = "--csv", paramLabel = "FICHIER", required = true, description = "Fichiers CSV.")
            Path csv;

            @Option(names = "--xlsx", paramLabel = "FICHIER", required = true, description = "Classeur XLSX.")
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
                out.println("Fiches exportées : " + s.cites().size() + " cités, " + s.tranches().size() + " tranches, "
                        + s.urbanWorks().size() + " travaux urbains.");
                for (Path f : files) out.println("  " + f);
                return 0;
            }
        }
    }

    @Command(name = "import", sortOptions = false,
            description = {"Importe des fiches modifiées dans un tableur (.csv ou .xlsx, tel qu'exporté).",
                    "Affiche d'abord ce qui change (fiche par fiche, champ par champ) ; les lignes en erreur sont "
                            + "listées avec leur numéro et rien n'est enregistré. Sinon tout est enregistré en une "
                            + "seule fois, dans l'historique, au nom de l'utilisateur."})
    static final class Import extends RecordsCommand.OnProject {
        @Parameters(index = "0", paramLabel = "FICHIER", description = "Fichier .csv ou .xlsx.")
        Path file;

        @Option(names = "--dry-run", description = "Montre les changements sans rien enregistrer.")
        boolean dryRun;

        @Option(names = "--user", paramLabel = "NOM",
                description = "Nom inscrit dans l'historique ; par défaut l'utilisateur du système.")
        String user;

        @Option(names = "--on-conflict", paramLabel = "CHOIX", defaultValue = "abort",
                description = {"Champ modifié à la fois dans la feuille et dans les fiches depuis l'exportation "
                        + "(ou, pour une feuille sans colonne version, remis à une valeur antérieure) : "
                        + "abort (par défaut) refuse l'import, keep-theirs garde la valeur des fiches, "
                        + "keep-mine prend celle de la feuille."})
        String onConflict;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            String who = user != null ? user.strip() : System.getProperty("user.name", "").strip();
            if (who.isEmpty()) {
                err.println("Erreur : nom d'utilisateur inconnu ; indiquez-le avec --user.");
                return 2;
            }
            ConflictPolicy policy = ConflictPolicy.parse(onConflict).orElse(null);
            if (policy == null) {
                err.println("Erreur : --on-conflict « " + onConflict + " » inconnu ; attendu : keep-theirs, keep-mine "
                        + "ou abort.");
                return 2;
            }
            try (CiteStore store = RecordsProject.open(p)) {
                ImportPlan plan = RecordImport.plan(file, store, policy);
                out.println(plan.describe());
                if (plan.hasErrors()) {
                    err.println("Erreur : Fichier « " + file.getFileName() + " » : import refusé, "
                            + plan.errors().size() + " ligne(s) en erreur (détail ci-dessus) ; "
                            + "rien n'a été modifié.");
                    return 1;
                }
                if (plan.hasUnresolvedConflicts()) {
                    err.println("Erreur : import refusé, " + plan.conflicts().size() + " conflit(s) à trancher avec "
                            + "--on-conflict keep-theirs ou keep-mine ; rien n'a été modifié.");
                    return 3;
                }
                if (dryRun) {
                    out.println("Simulation (--dry-run) : rien n'a été enregistré.");
                    return 0;
                }
                long edit = RecordImport.apply(store, plan, who);
                if (edit != 0) out.println("Import enregistré : modification n°" + edit + " au nom de « " + who + " ».");
                return 0;
            }
        }
    }

    @Command(name = "stats", sortOptions = false,
            description = {"Avancement de la réhabilitation : logements livrés, en travaux, programmés et restant "
                    + "à engager, face à l'objectif ERBM, par EPCI et par propriétaire."})
    static final class Stats extends RecordsCommand.OnProject {
        @Option(names = "--json", description = "Sortie JSON (clés stables, voir README).")
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
            out.println("Fiches des cités (" + store.location() + ") : " + r.cites() + " cités, " + n(t.dwellings())
                    + " logements recensés.");
            out.println("Objectif : " + n(r.target()) + " logements (" + r.targetSource() + ").");
            out.printf(Locale.FRANCE, "  livrés             %8s  (%.1f %% de l'objectif)%n", n(t.delivered()),
                    100 * t.share(r.target()));
            out.printf(Locale.FRANCE, "  en travaux         %8s%n", n(t.inWorks()));
            out.printf(Locale.FRANCE, "  programmés         %8s%n", n(t.programmed()));
            out.printf(Locale.FRANCE, "  sans opération     %8s%n", n(t.toDo()));
            if (r.reported() != null) {
                out.println("Chiffre annoncé par le programme : environ " + n(r.reported().delivered())
                        + " logements réhabilités" + (r.reported().asOf() == null ? "" : " (" + r.reported().asOf() + ")")
                        + " — " + r.reported().source() + ".");
            }
            out.println(ProgressReport.CAVEAT);
            table(out, "Par EPCI", r.byEpci());
            table(out, "Par propriétaire", r.byOwner());
            for (String w : r.warnings()) out.println("Attention : " + w);
        }

        private static void table(PrintWriter out, String title, List<ProgressReport.Group> groups) {
            out.println();
            out.println(title + " :");
            out.printf(Locale.FRANCE, "  %-44s %6s %10s %8s %10s %10s %8s%n", "", "cités", "logements", "livrés",
                    "en travaux", "programmés", "sans opér.");
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

    @Command(name = "check", sortOptions = false,
            description = {"Vérifie en entier le fichier des fiches (PRAGMA integrity_check) sans rien modifier."})
    static final class Check extends RecordsCommand.OnProject {
        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            Path file = RecordsProject.recordsFile(p);
            if (!Files.isRegularFile(file)) {
                err.println("Erreur : fichier « " + file.getFileName() + " » absent : aucune fiche enregistrée.");
                return 1;
            }
            try (SqliteCiteStore store = SqliteCiteStore.open(file)) {
                String check = store.integrityCheck();
                if (!check.equals("ok")) {
                    err.println("Erreur : fichier « " + file.getFileName() + " » endommagé :");
                    check.lines().limit(20).forEach(l -> err.println("  " + l));
                    err.println("Restaurez la sauvegarde automatique : atlas records restore.");
                    return 1;
                }
                out.println("Fichier « " + file.getFileName() + " » : intègre (" + store.editCount() + " modifications "
                        + "enregistrées).");
                StoreBackups.newest(file).ifPresent(b -> out.println("Dernière sauvegarde automatique : " + b));
                return 0;
            }
        }
    }

    @Command(name = "restore", sortOptions = false,
            description = {"Remplace le fichier des fiches par la plus récente de ses sauvegardes automatiques qui soit "
                    + "intègre (NOM.records.sqlite.auto-1.bak à auto-3.bak). Le fichier remplacé est gardé à côté "
                    + "(NOM.records.sqlite.endommage-DATE). Fermez d'abord l'Atlas partout où il est ouvert."})
    static final class Restore extends RecordsCommand.OnProject {
        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            StoreBackups.Restored r = StoreBackups.restore(RecordsProject.recordsFile(p));
            out.println("Fiches restaurées depuis « " + r.backup().getFileName() + " » (du " + r.date() + ").");
            if (r.damagedKept() != null) out.println("Ancien fichier gardé : " + r.damagedKept());
            return 0;
        }
    }
}
