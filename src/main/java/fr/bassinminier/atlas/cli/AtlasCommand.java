package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: `atlas info …`, `atlas render …`. Without arguments the desktop starts. */
@Command(name = "atlas",
        versionProvider = AtlasCommand.Version.class,
        sortOptions = false,
        synopsisSubcommandLabel = "${bundle:cli.label.command}")
public final class AtlasCommand implements Runnable {
    /**
     * The commands, in the order the help lists them. A start builds only the one it runs: picocli
     * reads a command's annotations when it is added, ≈ 70 ms for all of them.
     */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(InfoCommand.class,
            RenderCommand.class, RecordsCommand.class, ImpactCommand.class, PrintCommand.class,
            OfficialDataCommand.class, TilesCommand.class, RefreshCommand.class, WarmUpCommand.class);

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            descriptionKey = "cli.AtlasCommand.help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, descriptionKey = "cli.AtlasCommand.version")
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
        Preload.start(args);
        // Values from files are printed: no escape sequence of theirs reaches the terminal.
        PrintWriter out = TerminalText.safe(terminalOut);
        PrintWriter err = TerminalText.safe(terminalErr);
        CommandLine cl = new CommandLine(new AtlasCommand());
        commandsFor(args).forEach(cl::addSubcommand);
        extraCommands.forEach(cl::addSubcommand);
        localise(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(Localization.text("cli.error", parseProblem(ex)));
            err.println(Localization.text("cli.seeAtlasHelp", (ex.getCommandLine().getCommandName().equals("atlas") ? ""
                    : ex.getCommandLine().getCommandName() + " ")));
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

    /**
     * The command the arguments name (the first that is not an option), or all of them when they
     * name none (help lists them all; a mistyped name is refused with a pointer to that help).
     */
    static java.util.List<Class<?>> commandsFor(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) continue;
            for (Class<?> c : COMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(a)) return java.util.List.of(c);
            }
            break;
        }
        return COMMANDS;
    }

    /** picocli says its most frequent parse errors in English: those two are said in the user's language. */
    private static String parseProblem(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return Localization.text("cli.parse.missing", String.join(", ", m.getMissing().stream().map(arg ->
                    arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel()).toList()));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return Localization.text("cli.parse.unmatched", String.join(" ", u.getUnmatched()));
        }
        return ex.getMessage();
    }

    /**
     * picocli's texts in the user's language: headings, each command's description (key
     * cli.usage.CLASS) and each option's (its descriptionKey) come from the program's bundle.
     */
    private static void localise(CommandLine cl) {
        cl.setResourceBundle(Localization.bundle());
        localiseTexts(cl);
    }

    private static void localiseTexts(CommandLine cl) {
        String key = "cli.usage." + cl.getCommand().getClass().getSimpleName();
        var usage = cl.getCommandSpec().usageMessage();
        if (Localization.bundle().containsKey(key)) usage.description(Localization.get(key).split("\n"));
        usage.synopsisHeading(Localization.get("cli.heading.synopsis")).descriptionHeading("%n")
                .optionListHeading(Localization.get("cli.heading.options"))
                .commandListHeading(Localization.get("cli.heading.commands"))
                .parameterListHeading(Localization.get("cli.heading.parameters"));
        cl.getSubcommands().values().forEach(AtlasCommand::localiseTexts);
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
            for (String e : p.errors()) err.println(Localization.text("cli.warning", e));
            return p;
        } catch (fr.bassinminier.atlas.io.DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AtlasCommand.class.getPackage().getImplementationVersion();
            return new String[] {Localization.text("cli.atlasDuBassinMinier", (v == null ? Localization.get("cli.development") : v)),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
