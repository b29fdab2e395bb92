package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.postgis.PostgisException;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.style.sld.SldException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * Last line of defence for exceptions nobody caught, on the JavaFX thread or any background
 * thread: every one is appended to a log file in the user's state folder (the file to attach to
 * a report), and the user sees one French message. An error of the program's own kinds (bad
 * data, a refused service, a locked store) that escaped its handler shows its own message;
 * running out of memory or stack says what to do; only the rest, real defects, is
 * "Erreur inattendue". While one such dialog is open, further errors are only logged, so a
 * failing repaint cannot flood the screen.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    static final long MAX_LOG_BYTES = 1 << 20;

    private final Path logFile;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtErrors(Path logFile) {
        this.logFile = logFile;
    }

    /** Installs the handler for every thread, the calling (JavaFX) thread included. */
    public static UncaughtErrors install() {
        UncaughtErrors h = new UncaughtErrors(defaultLogFile(System.getenv(), System.getProperty("user.home")));
        Thread.setDefaultUncaughtExceptionHandler(h);
        Thread.currentThread().setUncaughtExceptionHandler(h);
        return h;
    }

    /**
     * {@code atlas.log} in the user's state folder: $XDG_STATE_HOME or ~/.local/state on Unix,
     * %LOCALAPPDATA% on Windows; -Datlas.stateDir overrides (tests).
     */
    static Path defaultLogFile(Map<String, String> env, String home) {
        String dir = System.getProperty("atlas.stateDir");
        if (dir == null || dir.isBlank()) {
            String xdg = env.get("XDG_STATE_HOME");
            String local = env.get("LOCALAPPDATA");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                    : local != null && !local.isBlank() ? Path.of(local)
                    : Path.of(home, ".local", "state");
            return base.resolve("atlas-bassin-minier").resolve("atlas.log");
        }
        return Path.of(dir).resolve("atlas.log");
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        boolean logged = log(thread, error);
        String text = message(error, logged ? logFile : null);
        try {
            if (Platform.isFxApplicationThread()) show(text, error);
            else Platform.runLater(() -> show(text, error));
        } catch (IllegalStateException noToolkit) {
            System.err.println(text);
        }
    }

    /** The one message the user reads. */
    static String message(Throwable error, Path log) {
        String own = ownMessage(error);
        if (own != null) return own;
        String where = log == null ? Messages.get("crash.noLog") : Messages.get("crash.log", log.toString());
        if (error instanceof OutOfMemoryError) {
            return Messages.get("crash.memory", Runtime.getRuntime().maxMemory() >> 20) + "\n\n" + where;
        }
        if (error instanceof StackOverflowError) return Messages.get("crash.stack") + "\n\n" + where;
        String detail = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " — " + abbreviate(error.getMessage()));
        return Messages.get("crash.unexpected", detail) + "\n\n" + where;
    }

    /** The message of the first error of the program's own kinds in the cause chain, or null. */
    static String ownMessage(Throwable error) {
        int depth = 0;
        for (Throwable c = error; c != null && depth++ < 32; c = c.getCause()) {
            if (c instanceof DataException || c instanceof ServiceException || c instanceof SldException
                    || c instanceof RecordsException || c instanceof PostgisException) {
                return c.getMessage();
            }
        }
        return null;
    }

    /** Appends the error to the log (the previous log kept as atlas.log.1 past 1 MB). */
    boolean log(Thread thread, Throwable error) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            StringWriter w = new StringWriter();
            w.append(OffsetDateTime.now().toString()).append(" — thread « ").append(thread.getName())
                    .append(" » — Java ").append(System.getProperty("java.version")).append(", ")
                    .append(System.getProperty("os.name")).append('\n');
            error.printStackTrace(new PrintWriter(w));
            w.append('\n');
            Files.writeString(logFile, w.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void show(String text, Throwable error) {
        if (!showing.compareAndSet(false, true)) return;
        try {
            boolean bug = ownMessage(error) == null;
            Alert a = new Alert(bug ? Alert.AlertType.ERROR : Alert.AlertType.WARNING);
            a.setTitle(Messages.get(bug ? "crash.title" : "error.title"));
            a.setHeaderText(null);
            TextArea area = new TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(6);
            a.getDialogPane().setContent(area);
            a.showAndWait();
        } catch (RuntimeException e) {
            System.err.println(text);
        } finally {
            showing.set(false);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 297) + "…" : s;
    }
}
