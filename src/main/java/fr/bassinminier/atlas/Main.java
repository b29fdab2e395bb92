package fr.bassinminier.atlas;

import fr.bassinminier.atlas.cli.AtlasCommand;
import fr.bassinminier.atlas.ui.AtlasApp;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point. Not a JavaFX Application subclass on purpose: a plain main class lets the shaded
 * jar start JavaFX from the class path, and lets the command line run with no display at all.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // `atlas` alone opens the default map; `atlas carte.atlas.json` (a double-click on a
        // project in the file manager) opens that project in the window.
        if (args.length == 0 || (args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".atlas.json"))) {
            AtlasApp.main(args);
            return;
        }
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(AtlasCommand.run(args, out, err));
    }
}
