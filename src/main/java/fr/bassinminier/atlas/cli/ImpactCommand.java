package fr.bassinminier.atlas.cli;

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
@Command(name = "impact", sortOptions = false,
        description = {"Vérification patrimoniale : l'emprise d'un projet est-elle dans le bien inscrit au "
                + "patrimoine mondial ou dans sa zone tampon ? Quels éléments patrimoniaux à proximité ?",
                "Réponse en texte (à coller dans un avis), en JSON (--json) ou en rapport PDF A4 (--pdf)."})
final class ImpactCommand implements Callable<Integer> {
    static final class Data {
        @Option(names = "--project", paramLabel = "PROJET",
                description = "Projet de carte (*.atlas.json) ; le rôle de chaque couche est reconnu à son contenu.")
        Path project;

        @Option(names = "--data", arity = "1..*", paramLabel = "FICHIER",
                description = "Fichiers officiels (shapefile, zip, GeoJSON, GeoPackage), seuls ou ajoutés au projet ; "
                        + "pour chaque rôle, une seule source est utilisée : officielle, puis pleine précision.")
        List<Path> files;
    }

    static final class Where {
        @Option(names = "--footprint", paramLabel = "FICHIER",
                description = "Fichier de l'emprise (shapefile, zip, GeoJSON, GeoPackage).")
        Path file;

        @Option(names = "--wkt", paramLabel = "WKT", description = "Emprise en WKT (ou EWKT « SRID=4326;… »).")
        String wkt;

        @Option(names = "--point", paramLabel = "X,Y",
                description = "Un point : « 688117,7037177 » (Lambert-93), « 50.432 2.833 », « 50°25'55\"N 2°49'59\"E ».")
        String point;

        @Option(names = "--vertices", paramLabel = "SOMMETS",
                description = "Sommets séparés par « | » : 3 ou plus font un polygone.")
        String vertices;

        @Option(names = "--parcel", paramLabel = "RÉFÉRENCES",
                description = "Parcelles cadastrales : « 62498 AB 123, 124 », « 62498 000 AB 0123 », plusieurs "
                        + "communes séparées par « ; » (cadastre en ligne, API Carto de l'IGN).")
        String parcel;
    }

    @ArgGroup(exclusive = false, multiplicity = "1", heading = "%nDonnées patrimoniales (l'une, l'autre ou les deux) :%n")
    Data data;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nEmprise du projet (une des cinq) :%n")
    Where where;

    @Option(names = "--footprint-layer", paramLabel = "COUCHE", description = "Couche de l'emprise dans un GeoPackage ou un zip.")
    String footprintLayer;

    @Option(names = "--crs", paramLabel = "EPSG:CODE",
            description = "Système de l'emprise quand il n'est pas reconnu (défaut : Lambert-93 ou WGS 84 selon les valeurs).")
    String crs;

    @Option(names = "--radius", defaultValue = "500", paramLabel = "MÈTRES",
            description = "Rayon des éléments listés (défaut : ${DEFAULT-VALUE} m, distance des abords des monuments historiques).")
    double radius;

    @Option(names = "--json", description = "Sortie JSON (clés stables, voir README).")
    boolean json;

    @Option(names = "--pdf", paramLabel = "FICHIER.pdf", description = "Écrit un rapport PDF A4 (carte, constat, sources).")
    Path pdf;

    @Option(names = "--png", paramLabel = "FICHIER.png",
            description = "Écrit les pages du même rapport en images PNG à 150 ppp (FICHIER-001.png, FICHIER-002.png pour deux pages).")
    Path png;

    @Option(names = "--ref", paramLabel = "RÉFÉRENCE", description = "Référence du dossier (n° de PC…), reprise dans la réponse.")
    String reference;

    @Option(names = "--author", paramLabel = "NOM", description = "Auteur de la vérification.")
    String author;

    @Option(names = "--bench", paramLabel = "N", description = "Mesure N vérifications (médiane, p95) après la réponse.")
    Integer bench;

    @Option(names = "--online", description = "Consulte aussi les services en ligne : servitudes AC1, AC2, AC4 et zonage "
            + "du PLU (Géoportail de l'Urbanisme) ; implicite avec --parcel.")
    boolean online;

    @Option(names = "--offline", description = "Aucune requête réseau : les protections en ligne viennent du cache "
            + "(datées) ou sont déclarées non consultées.")
    boolean offline;

    @Option(names = "--wfs-url", paramLabel = "URL", description = "Service WFS des servitudes et du zonage "
            + "(défaut : https://data.geopf.fr/wfs).")
    java.net.URI wfsUrl;

    @Option(names = "--cadastre-url", paramLabel = "URL", description = "API Carto cadastre "
            + "(défaut : https://apicarto.ign.fr/api/cadastre/).")
    java.net.URI cadastreUrl;

    @Option(names = "--use", paramLabel = "RÔLE=COUCHE",
            description = "Couche du projet à utiliser pour un rôle quand plusieurs conviennent "
                    + "(rôles : bien, zone_tampon, bati, cite, terril, cavalier, espace_neonaturel, puits ; "
                    + "ex. --use bien=perimetre_unesco). Les autres couches de ce rôle sont écartées, et dites.")
    Map<String, String> use = new LinkedHashMap<>();

    @Option(names = "--parcel-source", defaultValue = "apicarto", paramLabel = "apicarto|wfs",
            description = "Où chercher les parcelles : API Carto (défaut) ou le WFS (couche "
                    + "CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle).")
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
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--use : rôle « " + u.getKey()
                            + " » inconnu (bien, zone_tampon, bati, cite, terril, cavalier, espace_neonaturel, puits)."));
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
                if (!CrsTransforms.isSupported(declared)) throw new IllegalArgumentException("--crs : système « " + crs + " » inconnu.");
            }
            if (bench != null && (bench < 1 || bench > 100_000)) throw new IllegalArgumentException("--bench entre 1 et 100 000.");
            if (online && offline) throw new IllegalArgumentException("--online et --offline s'excluent.");
            if (!"apicarto".equals(parcelSource) && !"wfs".equals(parcelSource)) {
                throw new IllegalArgumentException("--parcel-source : apicarto ou wfs.");
            }
            if (where.parcel != null) parcels = ParcelRef.parse(where.parcel);
            http = services.http(offline);
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
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
                err.println("Erreur : --use : " + e.getMessage().replaceFirst("^--use : ", ""));
                return 2;
            } catch (DataException e) {
                err.println("Erreur : " + e.getMessage());
                return 1;
            }
        } else {
            if (!use.isEmpty()) {
                err.println("Erreur : --use choisit une couche d'un projet ; indiquez-le avec --project.");
                return 2;
            }
            try {
                layers = HeritageLayers.fromFiles(data.files);
            } catch (DataException e) {
                err.println("Erreur : " + e.getMessage());
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
            err.println("Erreur : " + e.getMessage());
            return where.file != null ? 1 : 2;
        } catch (ServiceException e) {
            err.println("Erreur : " + e.getMessage());
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
                notes.println("Rapport PDF écrit : " + pdf);
            }
            if (png != null) {
                int pages = HeritageReport.png(png, report, info, layers.project(), protections, 150).size();
                notes.println("Rapport PNG écrit : " + (pages == 1 ? png
                        : PrintJob.numbered(png, 1) + " … " + PrintJob.numbered(png, pages).getFileName()));
            }
        } catch (DataException | IOException e) {
            err.println("Erreur : " + e.getMessage());
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
            return ParcelFootprint.of(WfsParcels.find(wfs, parcels), "le cadastre (WFS " + WfsParcels.PARCELS + ")");
        }
        CadastreClient c = new CadastreClient(cadastreUrl != null ? cadastreUrl : CadastreClient.DEFAULT_ENDPOINT, http);
        CadastreClient.Result r = c.parcels(parcels);
        return ParcelFootprint.of(r.parcels(), "le cadastre (API Carto, IGN) consulté le "
                + ImpactText.date(r.fetchedAt().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString())
                + (r.fromCache() ? ", réponse en cache" : ""));
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
        out.printf(Locale.ROOT, "bench: %d couches, %d entités ; chargement %.1f ms ; indexation %.1f ms%n",
                index.layers().layers().size(), features, loadMs, index.buildNanos() / 1e6);
        out.printf(Locale.ROOT, "bench: vérification (%d mesures) : médiane %.3f ms, p95 %.3f ms, min %.3f ms, max %.3f ms%n",
                bench, ms[ms.length / 2], p95, ms[0], ms[ms.length - 1]);
    }
}
