package fr.bassinminier.atlas.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.project.ProjectFile;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.print.layout.PageFacts;
import fr.bassinminier.atlas.print.layout.PrintJob;
import fr.bassinminier.atlas.print.layout.PrintLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `atlas print`: a map layout (title, legend, scale bar, north arrow, sources) to a vector PDF or a PNG. */
@Command(name = "print", sortOptions = false,
        description = {"Imprime une carte en PDF vectoriel (A4 à A0) ou en PNG : titre, légende des classes "
                + "présentes dans le cadre, échelle graphique et numérique, flèche du nord, sources, aperçu de "
                + "situation.", "Avec --series, une page par objet d'une couche (chaque cité, chaque commune)."})
final class PrintCommand implements Callable<Integer> {
    @Option(names = "--project", required = true, paramLabel = "PROJET", description = "Projet de carte (*.atlas.json).")
    Path project;

    @Option(names = "--template", paramLabel = "MODÈLE",
            description = "Modèle de mise en page enregistré dans le projet (défaut : le premier, sinon le modèle par défaut).")
    String template;

    @Option(names = "--out", required = true, paramLabel = "FICHIER.pdf|.png", description = "Fichier à écrire (PDF ou PNG).")
    Path out;

    @Option(names = "--page", paramLabel = "A4|A3|A2|A1|A0", description = "Format de page (remplace celui du modèle).")
    String page;

    @Option(names = "--landscape", description = "Paysage.")
    boolean landscape;

    @Option(names = "--portrait", description = "Portrait.")
    boolean portrait;

    @Option(names = "--scale", paramLabel = "DÉNOMINATEUR", description = "Échelle : 25000 pour 1:25 000 (défaut : celle du modèle, sinon ajustée à l'emprise).")
    Double scale;

    @Option(names = "--round-scale", description = "Arrondit l'échelle ajustée à l'emprise à une échelle usuelle (1:25 000, 1:50 000…) ; sans elle, l'emprise remplit exactement le cadre.")
    boolean roundScale;

    @Option(names = "--legend-page", description = "Si la légende ne tient pas sur la carte, l'imprime entière sur une page à part, après la carte.")
    boolean legendPage;

    @Option(names = "--center", paramLabel = "X,Y", description = "Centre de la carte en Lambert-93 (mètres).")
    String center;

    @Option(names = "--extent", paramLabel = "minx,miny,maxx,maxy", description = "Emprise à faire tenir dans le cadre (Lambert-93).")
    String extent;

    @Option(names = "--series", paramLabel = "COUCHE", description = "Une page par objet de cette couche (identifiant ou titre).")
    String series;

    @Option(names = "--title", paramLabel = "TITRE", description = "Titre (remplace celui du modèle).")
    String title;

    @Option(names = "--dpi", defaultValue = "150", paramLabel = "PPP", description = "Résolution du PNG (défaut : ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--fond", defaultValue = "aucun", paramLabel = "NOM",
            description = "Fond de plan : plan-ign, plan-ign-gris, photos, parcelles, aucun, un paquet .mbtiles/.gpkg"
                    + " ou une adresse XYZ (défaut : ${DEFAULT-VALUE}).")
    String background;

    @Option(names = "--json", description = "Écrit aussi la description de la mise en page en JSON (pages, cadre, emprise, échelle, légende).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".pdf")) {
            err.println("Erreur : --out doit finir par .pdf ou .png");
            return 2;
        }
        if (landscape && portrait) {
            err.println("Erreur : --landscape et --portrait s'excluent");
            return 2;
        }
        double[] c = null;
        Envelope ext = null;
        try {
            if (center != null) c = numbers(center, 2, "--center");
            if (extent != null) {
                double[] e = numbers(extent, 4, "--extent");
                ext = new Envelope(e[0], e[2], e[1], e[3]);
            }
            if (scale != null && !(scale > 0)) throw new IllegalArgumentException("--scale doit être positif");
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            return 2;
        }
        // Layers are read from their files as they are drawn where the format allows it.
        LoadedProject p = AtlasCommand.loadProject(project, err, true);
        if (p == null) return 1;
        PrintTemplate t;
        try {
            List<PrintTemplate> saved = ProjectFile.readPrintTemplates(project);
            if (template != null) {
                t = saved.stream().filter(x -> x.name().equals(template)).findFirst().orElse(null);
                if (t == null && !template.equals("défaut") && !template.equals("default")) {
                    err.println("Erreur : modèle « " + template + " » absent du projet"
                            + (saved.isEmpty() ? " (le projet n'en a aucun ; « défaut » est toujours disponible)"
                            : " (modèles : " + String.join(", ", saved.stream().map(PrintTemplate::name).toList()) + ")"));
                    return 2;
                }
                if (t == null) t = PrintTemplate.defaults(p.project().title());
            } else {
                t = saved.isEmpty() ? PrintTemplate.defaults(p.project().title()) : saved.get(0);
            }
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        }
        try {
            if (page != null || landscape || portrait) {
                t = t.withPage(page != null ? page : t.page(), landscape || (!portrait && t.landscape()));
            }
            if (scale != null) t = t.withScale(scale);
            if (title != null) t = t.withTitle(title);
            PrintLayout.format(t);
            long t0 = System.nanoTime();
            List<PageFacts> facts;
            try (var tiles = TilesCommand.open(background, err)) {
                PrintLayout.Request r = new PrintLayout.Request(t, c, ext, series, roundScale).withBasemap(tiles)
                        .withLegendPage(legendPage);
                facts = png ? PrintJob.png(p, r, out, dpi) : PrintJob.pdf(p, r, out);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long bytes = png && facts.size() > 1 ? 0 : Files.size(out);
            for (PageFacts f : facts) {
                String n = legendNotice(f, legendPage);
                if (n != null) err.println("Attention : " + n);
            }
            if (json) {
                stdout.println(Json.MAPPER.writeValueAsString(json(t, facts, png, ms)));
            } else {
                stdout.println(out + " : " + facts.size() + " page" + (facts.size() > 1 ? "s" : "") + ", "
                        + t.page() + (t.landscape() ? " paysage" : " portrait") + ", échelle 1:"
                        + Measure.number(facts.get(0).scale(), 0) + (bytes > 0 ? ", " + Measure.number(bytes / 1024.0, 0)
                        + " Ko" : "") + ", " + ms + " ms");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            return 2;
        } catch (DataException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        } catch (fr.bassinminier.atlas.io.StreamedReadException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Erreur : écriture de " + out + " impossible : " + e.getMessage());
            return 1;
        }
    }

    private ObjectNode json(PrintTemplate t, List<PageFacts> facts, boolean png, long ms) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("out", out.toString());
        root.put("format", png ? "png" : "pdf");
        if (png) root.put("dpi", dpi);
        root.put("template", t.name());
        root.put("paper", t.page());
        root.put("landscape", t.landscape());
        root.put("page_count", facts.size());
        root.put("millis", ms);
        ArrayNode pages = root.putArray("pages");
        for (PageFacts f : facts) {
            ObjectNode n = pages.addObject();
            n.put("page", f.page());
            n.put("title", f.title());
            ArrayNode size = n.putArray("page_size_pt");
            size.add(f.width()).add(f.height());
            ArrayNode fr = n.putArray("frame_pt");
            for (double v : f.frame()) fr.add(v);
            ArrayNode g = n.putArray("ground_extent");
            for (double v : f.ground()) g.add(v);
            n.put("scale", f.scale());
            n.put("convergence_deg", f.convergenceDegrees());
            n.put("legend_page", f.legendPage());
            n.put("legend_complete", f.legendMissing().isEmpty());
            ArrayNode miss = n.putArray("legend_missing");
            for (String m : f.legendMissing()) miss.add(m);
            String notice = legendNotice(f, legendPage);
            if (notice != null) n.put("notice", notice);
            ArrayNode l = n.putArray("legend");
            for (PageFacts.LegendItem i : f.legend()) {
                ObjectNode e = l.addObject();
                e.put("layer", i.layer());
                e.put("class", i.label());
            }
        }
        return root;
    }

    /** What a page whose legend did not fit says about it (null when it fits). */
    static String legendNotice(PageFacts f, boolean legendPage) {
        if (f.legendMissing().isEmpty()) return null;
        String layers = String.join(", ", f.legendMissing());
        if (f.legendPage()) return "page " + f.page() + " : la légende ne tient pas même sur sa page (" + layers + ")";
        return "page " + f.page() + " : légende trop longue pour la page, " + f.legendMissing().size() + " couche"
                + (f.legendMissing().size() > 1 ? "s" : "") + " non montrée" + (f.legendMissing().size() > 1 ? "s" : "")
                + " (" + layers + ") — " + (legendPage ? "légende complète sur la page suivante"
                : "choisir un format plus grand (--page) ou --legend-page");
    }

    private static double[] numbers(String s, int n, String option) {
        String[] parts = s.split(",");
        if (parts.length != n) throw new IllegalArgumentException(option + " attend " + n + " nombres séparés par des virgules");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " : nombre illisible « " + parts[i].trim() + " »");
            }
        }
        return out;
    }
}
