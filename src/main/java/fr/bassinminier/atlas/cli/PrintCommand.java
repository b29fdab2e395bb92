package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
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
@Command(name = "print", sortOptions = false)
final class PrintCommand implements Callable<Integer> {
    @Option(names = "--project", required = true, paramLabel = "${bundle:cli.label.project}", descriptionKey = "cli.PrintCommand.project")
    Path project;

    @Option(names = "--template", paramLabel = "${bundle:cli.label.template}",
            descriptionKey = "cli.PrintCommand.template")
    String template;

    @Option(names = "--out", required = true, paramLabel = "${bundle:cli.label.pdfOrPngFile}", descriptionKey = "cli.PrintCommand.out")
    Path out;

    @Option(names = "--page", paramLabel = "A4|A3|A2|A1|A0", descriptionKey = "cli.PrintCommand.page")
    String page;

    @Option(names = "--landscape", descriptionKey = "cli.PrintCommand.landscape")
    boolean landscape;

    @Option(names = "--portrait", descriptionKey = "cli.PrintCommand.portrait")
    boolean portrait;

    @Option(names = "--scale", paramLabel = "${bundle:cli.label.denominator}", descriptionKey = "cli.PrintCommand.scale")
    Double scale;

    @Option(names = "--round-scale", descriptionKey = "cli.PrintCommand.round-scale")
    boolean roundScale;

    @Option(names = "--legend-page", descriptionKey = "cli.PrintCommand.legend-page")
    boolean legendPage;

    @Option(names = "--center", paramLabel = "X,Y", descriptionKey = "cli.PrintCommand.center")
    String center;

    @Option(names = "--extent", paramLabel = "minx,miny,maxx,maxy", descriptionKey = "cli.PrintCommand.extent")
    String extent;

    @Option(names = "--series", paramLabel = "${bundle:cli.label.layer}", descriptionKey = "cli.PrintCommand.series")
    String series;

    @Option(names = "--title", paramLabel = "${bundle:cli.label.title}", descriptionKey = "cli.PrintCommand.title")
    String title;

    @Option(names = "--dpi", defaultValue = "150", paramLabel = "${bundle:cli.label.dpi}", descriptionKey = "cli.PrintCommand.dpi")
    int dpi;

    @Option(names = "--fond", defaultValue = "aucun", paramLabel = "${bundle:cli.label.name}",
            descriptionKey = "cli.PrintCommand.fond")
    String background;

    @Option(names = "--json", descriptionKey = "cli.PrintCommand.json")
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
            err.println(Localization.get("cli.errorOutMustEnd"));
            return 2;
        }
        if (landscape && portrait) {
            err.println(Localization.get("cli.errorLandscapePortraitExclude"));
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
            if (scale != null && !(scale > 0)) throw new IllegalArgumentException(Localization.get("cli.scaleMustPositive"));
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
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
                    err.println(Localization.text("cli.errorTemplateProject", template, (saved.isEmpty() ? Localization.get("cli.projectNoneDFaut")
                            : Localization.text("cli.templates", String.join(", ", saved.stream().map(PrintTemplate::name).toList())))));
                    return 2;
                }
                if (t == null) t = PrintTemplate.defaults(p.project().title());
            } else {
                t = saved.isEmpty() ? PrintTemplate.defaults(p.project().title()) : saved.get(0);
            }
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
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
                if (n != null) err.println(Localization.text("cli.warning", n));
            }
            if (json) {
                stdout.println(Json.MAPPER.writeValueAsString(json(t, facts, png, ms)));
            } else {
                stdout.println(Localization.text("cli.pageScaleMs", out, facts.size(), (facts.size() > 1 ? "s" : ""), t.page(), Localization.get(t.landscape() ? "cli.print.landscape" : "cli.print.portrait"), Measure.number(facts.get(0).scale(), 0),
                        bytes > 0 ? Localization.text("cli.print.kilobytes", Measure.number(bytes / 1024.0, 0)) : "", ms));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 2;
        } catch (DataException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        } catch (fr.bassinminier.atlas.io.StreamedReadException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        } catch (IOException e) {
            err.println(Localization.text("cli.errorCannotWrite", out, e.getMessage()));
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
        if (f.legendPage()) return Localization.text("cli.pageLegendDoesFit", f.page(), layers);
        return Localization.text("cli.pageLegendTooLong", f.page(), f.legendMissing().size(), (f.legendMissing().size() > 1 ? "s" : ""), (f.legendMissing().size() > 1 ? "s" : ""), layers, (legendPage ? Localization.get("cli.fullLegendNextPage")
                : Localization.get("cli.chooseLargerFormatPage")));
    }

    private static double[] numbers(String s, int n, String option) {
        String[] parts = s.split(",");
        if (parts.length != n) throw new IllegalArgumentException(Localization.text("cli.expectsNumbersSeparatedCommas", option, n));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Localization.text("cli.unreadableNumber", option, parts[i].trim()));
            }
        }
        return out;
    }
}
