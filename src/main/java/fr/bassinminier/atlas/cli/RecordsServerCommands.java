package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.postgis.PgSettings;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.postgres.RecordsCopy;
import fr.bassinminier.atlas.records.project.RecordsProject;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `atlas records migrate` and `atlas records server`: the records on a PostgreSQL server. */
final class RecordsServerCommands {
    private RecordsServerCommands() {
    }

    interface PgWork<T> {
        T run(Supplier<char[]> password) throws RecordsException;
    }

    /**
     * Runs {@code work} with PGPASSWORD or ~/.pgpass; when the server refuses them and a terminal
     * is there, asks for the password once and runs it again.
     */
    static <T> T withPassword(PgSettings s, PgWork<T> work) throws RecordsException {
        try {
            return work.run(null);
        } catch (RecordsException e) {
            Console console = System.console();
            if (console == null || !authRefused(e)) throw e;
            char[] pw = console.readPassword(Localization.get("cli.postgresqlPassword"), s.user(), s.host());
            if (pw == null) throw e;
            return work.run(() -> pw);
        }
    }

    private static boolean authRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("28")) return true;
        }
        return false;
    }

    @Command(name = "migrate", sortOptions = false)
    static final class Migrate extends RecordsCommand.OnProject {
        static final class Direction {
            @Option(names = "--to", paramLabel = "URI", required = true,
                    descriptionKey = "cli.Direction.to")
            String to;

            @Option(names = "--from", paramLabel = "URI", required = true, descriptionKey = "cli.Direction.from")
            String from;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Direction direction;

        @Option(names = "--use", descriptionKey = "cli.Migrate.use")
        boolean use;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            PgSettings pg;
            try {
                pg = PgSettings.parse(direction.to != null ? direction.to : direction.from);
            } catch (IllegalArgumentException e) {
                err.println(Localization.text("cli.error3", e.getMessage()));
                return 2;
            }
            Path file = RecordsProject.recordsFile(p);
            try {
                if (direction.to != null) {
                    RecordsCopy.Report r = withPassword(pg, pw -> RecordsCopy.sqliteToPostgres(file, pg, pw));
                    out.println(r.describe(Localization.text("cli.quoted", file.getFileName()), pg.label()));
                    if (use) {
                        RecordsProject.setServer(p, pg);
                        out.println(Localization.text("cli.projectNowUsesSetting", pg.label(), RecordsProject.serverFile(p).getFileName()));
                    }
                } else {
                    RecordsCopy.Report r = withPassword(pg, pw -> RecordsCopy.postgresToSqlite(pg, pw, file));
                    out.println(r.describe(pg.label(), Localization.text("cli.quoted", file.getFileName())));
                    if (use) {
                        RecordsProject.setServer(p, null);
                        out.println(Localization.text("cli.projectNowUsesFile", file.getFileName()));
                    }
                }
                return 0;
            } catch (RecordsException | DataException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            }
        }
    }

    @Command(name = "server", sortOptions = false)
    static final class Server extends RecordsCommand.OnProject {
        @Parameters(index = "0", arity = "0..1", paramLabel = "URI",
                descriptionKey = "cli.Server.param0")
        String uri;

        @Option(names = "--off", descriptionKey = "cli.Server.off")
        boolean off;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            try {
                if (off) {
                    RecordsProject.setServer(p, null);
                    out.println(Localization.text("cli.projectRecordsFile", RecordsProject.recordsFile(p).getFileName()));
                    return 0;
                }
                if (uri != null) RecordsProject.setServer(p, PgSettings.parse(uri));
                Optional<PgSettings> s = RecordsProject.server(p);
                out.println(s.map(x -> Localization.text("cli.projectRecordsUserTls", x.label(), x.user(), x.sslMode(), x.uri())).orElse(Localization.text("cli.projectRecordsFile", RecordsProject.recordsFile(p).getFileName())));
                return 0;
            } catch (IllegalArgumentException e) {
                err.println(Localization.text("cli.error3", e.getMessage()));
                return 2;
            } catch (DataException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            }
        }
    }
}
