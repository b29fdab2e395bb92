package fr.bassinminier.atlas.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: `atlas info …`, `atlas render …`. Without arguments the desktop starts. */
@Command(name = "atlas",
        versionProvider = AtlasCommand.Version.class,
        synopsisHeading = "Utilisation : ",
        descriptionHeading = "%n",
        optionListHeading = "%nOptions :%n",
        commandListHeading = "%nCommandes :%n",
        parameterListHeading = "%nParamètres :%n",
        description = {"Atlas du Bassin Minier — visualiseur SIG du bassin minier du Nord–Pas-de-Calais.",
                "Sans argument, ouvre la carte de démonstration dans la fenêtre du programme."},
        subcommands = {InfoCommand.class, RenderCommand.class, BenchCommand.class})
public final class AtlasCommand implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Affiche cette aide et quitte.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Affiche la version et quitte.")
    boolean version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AtlasCommand());
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
            err.println("Erreur inattendue : " + ex);
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
