package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one place where a failure becomes the French sentence a user reads. Expected failures
 * (unreadable data, a refused budget) carry their message; running out of memory or stack gets
 * a sentence saying what to do; anything else is a defect of the program: "Erreur inattendue",
 * with the stack trace written to a log file whose path is given, to attach to a report.
 */
public final class ErrorReports {
    private ErrorReports() {
    }

    /** The message for the user, one or two lines, starting with "Erreur". */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataException d) return Localization.text("io.error", d.getMessage());
            if (c.getClass().getName().equals("fr.bassinminier.atlas.style.sld.SldException")) {
                return Localization.text("io.error", c.getMessage());
            }
            if (c.getCause() == c) break;
        }
        if (t instanceof OutOfMemoryError) {
            return Localization.text("io.errorEnoughMemoryMb", (Runtime.getRuntime().maxMemory() >> 20));
        }
        if (t instanceof StackOverflowError) {
            return Localization.get("io.errorDataNestedToo");
        }
        Path log = writeLog(t);
        return Localization.text("io.unexpectedErrorProgramFault", t.getClass().getSimpleName(), (t.getMessage() == null ? "" : " — " + abbreviate(t.getMessage())), (log == null ? "." : Localization.text("io.detailsSavedAttachFile", log)));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 297) + "…" : s;
    }

    /** The stack trace in a fresh file of the temporary folder, or null when it cannot be written. */
    static Path writeLog(Throwable t) {
        try {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = Files.createTempFile("atlas-erreur-" + stamp + "-", ".log");
            Files.writeString(file, "Atlas du Bassin Minier — Java " + System.getProperty("java.version") + "\n"
                    + w, StandardCharsets.UTF_8);
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
