package fr.bassinminier.atlas.cli;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.impact.HeritageRole;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import fr.bassinminier.atlas.analysis.impact.Footprint;
import fr.bassinminier.atlas.analysis.impact.FootprintException;
import fr.bassinminier.atlas.analysis.impact.FootprintReader;
import fr.bassinminier.atlas.analysis.impact.HeritageIndex;
import fr.bassinminier.atlas.analysis.impact.HeritageLayers;
import fr.bassinminier.atlas.analysis.impact.ImpactJson;
import fr.bassinminier.atlas.analysis.impact.ImpactOptions;
import fr.bassinminier.atlas.analysis.impact.ImpactReport;
import fr.bassinminier.atlas.analysis.impact.ImpactText;
import fr.bassinminier.atlas.analysis.impact.ParcelFootprint;
import fr.bassinminier.atlas.analysis.impact.ProtectionReport;
import fr.bassinminier.atlas.analysis.impact.ReportInfo;
import fr.bassinminier.atlas.analysis.protections.GeoplateformeProtections;
import fr.bassinminier.atlas.analysis.protections.WfsParcels;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.apicarto.CadastreClient;
import fr.bassinminier.atlas.io.apicarto.ParcelRef;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.LoadedProject;
import fr.bassinminier.atlas.print.layout.HeritageReport;
import fr.bassinminier.atlas.print.layout.PrintJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `atlas impact`: is a building project inside the World Heritage property or its buffer zone,
 * what stands around it, on which data. French text, JSON, or an A4 PDF report.
 */
@Command(name = "impact", sortOptions = false)
final class ImpactCommand implements Callable<Integer> {
    static final class Data {
        @Option(names = "--project", paramLabel = "${bundle:cli.label.project}",
                descriptionKey = "cli.Data.project")
        Path project;

        @Option(names = "--data", arity = "1..*", paramLabel = "${bundle:cli.label.file}",
                descriptionKey = "cli.Data.data")
        List<Path> files;
    }

    static final class Where {
        @Option(names = "--footprint", paramLabel = "${bundle:cli.label.file}",
                descriptionKey = "cli.Where.footprint")
        Path file;

        @Option(names = "--wkt", paramLabel = "WKT", descriptionKey = "cli.Where.wkt")
        String wkt;

        @Option(names = "--point", paramLabel = "X,Y",
                descriptionKey = "cli.Where.point")
        String point;

        @Option(names = "--vertices", paramLabel = "${bundle:cli.label.vertices}",
                descriptionKey = "cli.Where.vertices")
        String vertices;

        @Option(names = "--parcel", paramLabel = "${bundle:cli.label.references}",
                descriptionKey = "cli.Where.parcel")
        String parcel;
    }

    @ArgGroup(exclusive = false, multiplicity = "1", headingKey = "cli.ImpactCommand.group1")
    Data data;

    @ArgGroup(exclusive = true, multiplicity = "1", headingKey = "cli.ImpactCommand.group2")
    Where where;

    @Option(names = "--footprint-layer", paramLabel = "${bundle:cli.label.layer}", descriptionKey = "cli.ImpactCommand.footprint-layer")
    String footprintLayer;

    @Option(names = "--crs", paramLabel = "EPSG:CODE",
            descriptionKey = "cli.ImpactCommand.crs")
    String crs;

    @Option(names = "--radius", defaultValue = "500", paramLabel = "${bundle:cli.label.metres}",
            descriptionKey = "cli.ImpactCommand.radius")
    double radius;

    @Option(names = "--json", descriptionKey = "cli.ImpactCommand.json")
    boolean json;

    @Option(names = "--pdf", paramLabel = "${bundle:cli.label.pdfFile}", descriptionKey = "cli.ImpactCommand.pdf")
    Path pdf;

    @Option(names = "--png", paramLabel = "${bundle:cli.label.pngFile}", descriptionKey = "cli.ImpactCommand.png")
    Path png;

    @Option(names = "--ref", paramLabel = "${bundle:cli.label.reference}", descriptionKey = "cli.ImpactCommand.ref")
    String reference;

    @Option(names = "--author", paramLabel = "${bundle:cli.label.name}", descriptionKey = "cli.ImpactCommand.author")
    String author;

    @Option(names = "--bench", paramLabel = "N", descriptionKey = "cli.ImpactCommand.bench")
    Integer bench;

    @Option(names = "--online", descriptionKey = "cli.ImpactCommand.online")
    boolean online;

    @Option(names = "--offline", descriptionKey = "cli.ImpactCommand.offline")
    boolean offline;

    @Option(names = "--wfs-url", paramLabel = "URL", descriptionKey = "cli.ImpactCommand.wfs-url")
    java.net.URI wfsUrl;

    @Option(names = "--cadastre-url", paramLabel = "URL", descriptionKey = "cli.ImpactCommand.cadastre-url")
    java.net.URI cadastreUrl;

    @Option(names = "--use", paramLabel = "${bundle:cli.label.roleLayer}",
            descriptionKey = "cli.ImpactCommand.use")
    Map<String, String> use = new LinkedHashMap<>();

    @Option(names = "--parcel-source", defaultValue = "apicarto", paramLabel = "apicarto|wfs",
            descriptionKey = "cli.ImpactCommand.parcel-source")
    String parcelSource;

    @picocli.CommandLine.Mixin
    WfsCli.ServiceOptions services = new WfsCli.ServiceOptions();

    @Spec
    CommandSpec spec;

    private List<ParcelRef> parcels;
    private HttpService http;

    /** --use ROLE=LAYER by role; the layers are checked against the project by HeritageLayers. */
    private Map<HeritageRole, String> chosenRoles() {
        Map<HeritageRole, String> chosen = new EnumMap<>(HeritageRole.class);
        for (Map.Entry<String, String> u : use.entrySet()) {
            HeritageRole role = Arrays.stream(HeritageRole.values()).filter(r -> r.key().equals(u.getKey().strip()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(Localization.text("cli.useUnknownRoleBien", u.getKey())));
            chosen.put(role, u.getValue().strip());
        }
        return chosen;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImpactOptions options;
        CrsId declared = null;
        try {
            options = new ImpactOptions(radius);
            if (crs != null) {
                declared = new CrsId(crs.strip(), null);
                if (!CrsTransforms.isSupported(declared)) throw new IllegalArgumentException(Localization.text("cli.crsUnknownSystem", crs));
            }
            if (bench != null && (bench < 1 || bench > 100_000)) throw new IllegalArgumentException(Localization.get("cli.benchBetween"));
            if (online && offline) throw new IllegalArgumentException(Localization.get("cli.onlineOfflineExcludeEach"));
            if (!"apicarto".equals(parcelSource) && !"wfs".equals(parcelSource)) {
                throw new IllegalArgumentException(Localization.get("cli.parcelSourceApicartoWfs"));
            }
            if (where.parcel != null) parcels = ParcelRef.parse(where.parcel);
            http = services.http(offline);
        } catch (IllegalArgumentException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 2;
        }

        long t0 = System.nanoTime();
        HeritageLayers layers;
        if (data.project != null) {
            LoadedProject p = AtlasCommand.loadProject(data.project, err);
            if (p == null) return 1;
            try {
                Map<HeritageRole, String> chosen = chosenRoles();
                layers = data.files == null || data.files.isEmpty() ? HeritageLayers.fromProject(p, chosen)
                        : HeritageLayers.withFiles(p, data.files, chosen);
            } catch (IllegalArgumentException e) {
                err.println(Localization.text("cli.errorUse", e.getMessage().replaceFirst("^--use : ", "")));
                return 2;
            } catch (DataException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            }
        } else {
            if (!use.isEmpty()) {
                err.println(Localization.get("cli.errorUsePicksLayer"));
                return 2;
            }
            try {
                layers = HeritageLayers.fromFiles(data.files);
            } catch (DataException e) {
                err.println(Localization.text("cli.error", e.getMessage()));
                return 1;
            }
        }
        long tLoaded = System.nanoTime();
        HeritageIndex index = HeritageIndex.build(layers);

        Footprint footprint;
        try {
            if (where.file != null) footprint = FootprintReader.file(where.file, footprintLayer, declared);
            else if (where.wkt != null) footprint = FootprintReader.wkt(where.wkt, declared);
            else if (where.vertices != null) footprint = FootprintReader.vertices(where.vertices, declared);
            else if (where.parcel != null) footprint = parcelFootprint();
            else footprint = FootprintReader.point(where.point, declared);
        } catch (FootprintException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return where.file != null ? 1 : 2;
        } catch (ServiceException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }

        ImpactReport report = index.check(footprint, options);
        ProtectionReport protections = null;
        if (online || offline || where.parcel != null) {
            WfsClient wfs = new WfsClient(wfsUrl != null ? wfsUrl : GeoplateformeProtections.GEOPLATEFORME_WFS, null, http,
                    WfsClient.DEFAULT_PAGE);
            protections = new GeoplateformeProtections(wfs).consult(footprint.geometry());
        }
        ReportInfo info = ReportInfo.today(reference, author);
        if (json) out.print(ImpactJson.write(report, info, protections) + System.lineSeparator());
        else out.print(ImpactText.format(report, info, protections));
        PrintWriter notes = json ? err : out;
        try {
            if (pdf != null) {
                HeritageReport.write(pdf, report, info, layers.project(), protections);
                notes.println(Localization.text("cli.pdfReportWritten", pdf));
            }
            if (png != null) {
                int pages = HeritageReport.png(png, report, info, layers.project(), protections, 150).size();
                notes.println(Localization.text("cli.pngReportWritten", pages == 1 ? png
                        : PrintJob.numbered(png, 1) + " … " + PrintJob.numbered(png, pages).getFileName()));
            }
        } catch (DataException | IOException e) {
            err.println(Localization.text("cli.error", e.getMessage()));
            return 1;
        }
        if (bench != null) bench(notes, index, footprint, options, (tLoaded - t0) / 1e6);
        out.flush();
        return 0;
    }

    /** The parcels from the cadastre (API Carto or the WFS), united, as the footprint. */
    private Footprint parcelFootprint() throws ServiceException {
        if ("wfs".equals(parcelSource)) {
            WfsClient wfs = new WfsClient(wfsUrl != null ? wfsUrl : GeoplateformeProtections.GEOPLATEFORME_WFS, null, http,
                    WfsClient.DEFAULT_PAGE);
            return ParcelFootprint.of(WfsParcels.find(wfs, parcels), Localization.text("cli.impact.cadastreWfs", WfsParcels.PARCELS));
        }
        CadastreClient c = new CadastreClient(cadastreUrl != null ? cadastreUrl : CadastreClient.DEFAULT_ENDPOINT, http);
        CadastreClient.Result r = c.parcels(parcels);
        return ParcelFootprint.of(r.parcels(), Localization.text(r.fromCache() ? "cli.impact.cadastreApiCached"
                : "cli.impact.cadastreApi", ImpactText.date(r.fetchedAt().atZone(Localization.FRANCE)
                .toLocalDate().toString())));
    }

    /** Repeated checks on the warm index: what the desktop pays per click. */
    private void bench(PrintWriter out, HeritageIndex index, Footprint fp, ImpactOptions options, double loadMs) {
        int features = index.layers().layers().stream().mapToInt(l -> l.layer().data().size()).sum();
        // Warm up until the JIT has compiled the hot paths: at least 300 checks and one second.
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 300 || System.nanoTime() < warmEnd; i++) index.check(fp, options);
        double[] ms = new double[bench];
        for (int i = 0; i < bench; i++) {
            long t = System.nanoTime();
            index.check(fp, options);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)];
        out.printf(Locale.ROOT, Localization.get("cli.benchLayersFeaturesLoading"),
                index.layers().layers().size(), features, loadMs, index.buildNanos() / 1e6);
        out.printf(Locale.ROOT, Localization.get("cli.benchCheckRunsMedian"),
                bench, ms[ms.length / 2], p95, ms[0], ms[ms.length - 1]);
    }
}
