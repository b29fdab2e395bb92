package fr.bassinminier.atlas.cli;

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
            char[] pw = console.readPassword("Mot de passe PostgreSQL de « %s » sur %s : ", s.user(), s.host());
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

    @Command(name = "migrate", sortOptions = false,
            description = {"Copie les fiches, historique compris, entre le fichier SQLite du projet et une base "
                    + "PostgreSQL.",
                    "--to copie le fichier vers le serveur, --from le serveur vers le fichier (travail hors ligne). "
                            + "Relancer la copie ne refait rien ; une cible qui a des modifications absentes de la "
                            + "source est refusée. Le mot de passe vient de ~/.pgpass, de PGPASSWORD ou d'une saisie."})
    static final class Migrate extends RecordsCommand.OnProject {
        static final class Direction {
            @Option(names = "--to", paramLabel = "URI", required = true,
                    description = "postgresql://utilisateur@hôte:port/base?schema=…&sslmode=…")
            String to;

            @Option(names = "--from", paramLabel = "URI", required = true, description = "Même forme.")
            String from;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Direction direction;

        @Option(names = "--use", description = "Ensuite, le projet utilise la cible (réglage NOM.records-server.json).")
        boolean use;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            PgSettings pg;
            try {
                pg = PgSettings.parse(direction.to != null ? direction.to : direction.from);
            } catch (IllegalArgumentException e) {
                err.println("Erreur : " + e.getMessage() + ".");
                return 2;
            }
            Path file = RecordsProject.recordsFile(p);
            try {
                if (direction.to != null) {
                    RecordsCopy.Report r = withPassword(pg, pw -> RecordsCopy.sqliteToPostgres(file, pg, pw));
                    out.println(r.describe("« " + file.getFileName() + " »", pg.label()));
                    if (use) {
                        RecordsProject.setServer(p, pg);
                        out.println("Le projet utilise désormais " + pg.label() + " (réglage "
                                + RecordsProject.serverFile(p).getFileName() + ").");
                    }
                } else {
                    RecordsCopy.Report r = withPassword(pg, pw -> RecordsCopy.postgresToSqlite(pg, pw, file));
                    out.println(r.describe(pg.label(), "« " + file.getFileName() + " »"));
                    if (use) {
                        RecordsProject.setServer(p, null);
                        out.println("Le projet utilise désormais le fichier « " + file.getFileName() + " ».");
                    }
                }
                return 0;
            } catch (RecordsException | DataException e) {
                err.println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "server", sortOptions = false,
            description = {"Montre, règle ou retire le serveur PostgreSQL des fiches du projet "
                    + "(NOM.records-server.json : hôte, port, base, schéma, utilisateur, mode TLS ; jamais de mot "
                    + "de passe)."})
    static final class Server extends RecordsCommand.OnProject {
        @Parameters(index = "0", arity = "0..1", paramLabel = "URI",
                description = "postgresql://utilisateur@hôte:port/base?schema=…&sslmode=…")
        String uri;

        @Option(names = "--off", description = "Le projet revient au fichier SQLite.")
        boolean off;

        @Override
        int run(Path p, PrintWriter out, PrintWriter err) throws RecordsException, DataException {
            try {
                if (off) {
                    RecordsProject.setServer(p, null);
                    out.println("Fiches du projet : fichier « " + RecordsProject.recordsFile(p).getFileName() + " ».");
                    return 0;
                }
                if (uri != null) RecordsProject.setServer(p, PgSettings.parse(uri));
                Optional<PgSettings> s = RecordsProject.server(p);
                out.println(s.map(x -> "Fiches du projet : " + x.label() + ", utilisateur « " + x.user()
                        + " », TLS " + x.sslMode() + " (" + x.uri() + ").").orElse("Fiches du projet : fichier « "
                        + RecordsProject.recordsFile(p).getFileName() + " »."));
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("Erreur : " + e.getMessage() + ".");
                return 2;
            } catch (DataException e) {
                err.println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }
}
