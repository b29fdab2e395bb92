package fr.bassinminier.atlas.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: `atlas info …`, `atlas render …`. Without arguments the desktop starts. */
@Command(name = "atlas",
        versionProvider = AtlasCommand.Version.class,
        description = {"Atlas du Bassin Minier — visualiseur SIG du bassin minier du Nord–Pas-de-Calais.",
                "Sans argument, ouvre la carte par défaut dans la fenêtre du programme ;",
                "avec un seul fichier PROJET.atlas.json, ouvre ce projet."},
        subcommands = {InfoCommand.class, RenderCommand.class, RecordsCommand.class, ImpactCommand.class,
                PrintCommand.class, OfficialDataCommand.class,
                TilesCommand.class, RefreshCommand.class}, sortOptions = false,
        synopsisSubcommandLabel = "[COMMANDE]")
public final class AtlasCommand implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Affiche cette aide et quitte.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Affiche la version et quitte.")
    boolean version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args, PrintWriter terminalOut, PrintWriter terminalErr) {
        return run(args, terminalOut, terminalErr, java.util.List.of());
    }

    /**
     * @param extraCommands further picocli commands: the developers' entry point adds its
     *                      benchmark and data generator, which the product jar does not ship
     */
    public static int run(String[] args, PrintWriter terminalOut, PrintWriter terminalErr,
                          java.util.List<Object> extraCommands) {
        // Values from files are printed: no escape sequence of theirs reaches the terminal.
        PrintWriter out = TerminalText.safe(terminalOut);
        PrintWriter err = TerminalText.safe(terminalErr);
        CommandLine cl = new CommandLine(new AtlasCommand());
        extraCommands.forEach(cl::addSubcommand);
        frenchHeadings(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("Erreur : " + ex.getMessage());
            err.println("Voir « atlas " + (ex.getCommandLine().getCommandName().equals("atlas") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help ».");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println(fr.bassinminier.atlas.io.ErrorReports.describe(ex));
            err.flush();
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Errors pass picocli's handler by; the heap or stack is free again once unwound here.
            err.println(fr.bassinminier.atlas.io.ErrorReports.describe(e));
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** picocli's headings are English by default; every command gets the French ones. */
    private static void frenchHeadings(CommandLine cl) {
        cl.getCommandSpec().usageMessage().synopsisHeading("Utilisation : ").descriptionHeading("%n")
                .optionListHeading("%nOptions :%n").commandListHeading("%nCommandes :%n")
                .parameterListHeading("%nParamètres :%n");
        cl.getSubcommands().values().forEach(AtlasCommand::frenchHeadings);
    }

    /** Loads a project for a command; a French message on stderr and null when it cannot be read. */
    static fr.bassinminier.atlas.model.project.LoadedProject loadProject(java.nio.file.Path file, PrintWriter err) {
        return loadProject(file, err, false);
    }

    /** @param streamed read layers from their files as they are drawn, where possible (render, print) */
    static fr.bassinminier.atlas.model.project.LoadedProject loadProject(java.nio.file.Path file, PrintWriter err,
                                                                          boolean streamed) {
        try {
            fr.bassinminier.atlas.model.project.LoadedProject p = streamed
                    ? fr.bassinminier.atlas.io.project.ProjectLoader.openStreamed(file)
                    : fr.bassinminier.atlas.io.project.ProjectLoader.open(file);
            for (String e : p.errors()) err.println("Attention : " + e);
            return p;
        } catch (fr.bassinminier.atlas.io.DataException e) {
            err.println("Erreur : " + e.getMessage());
            return null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AtlasCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Atlas du Bassin Minier " + (v == null ? "(développement)" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
