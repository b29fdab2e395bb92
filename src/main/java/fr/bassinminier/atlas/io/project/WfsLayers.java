package fr.bassinminier.atlas.io.project;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.io.HttpService;
import fr.bassinminier.atlas.io.ResponseCache;
import fr.bassinminier.atlas.io.ServiceException;
import fr.bassinminier.atlas.io.wfs.LayerDiff;
import fr.bassinminier.atlas.io.wfs.WfsClient;
import fr.bassinminier.atlas.io.wfs.WfsSource;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import fr.bassinminier.atlas.model.project.Provenance;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * WFS layers of a project: the source string saved in the project file
 * ({@code wfs:https://…?typeName=…&bbox=…}), its provenance (producer, the layer's address, the
 * date of the copy), loading with the dated answer cache — a service out of reach opens the
 * cached copy with a notice saying so — and bringing the layer up to date (only the service's
 * answer, never the cache, with a summary of what changed).
 */
public final class WfsLayers {
    public static final String GEOPLATEFORME = "https://data.geopf.fr/wfs";

    private WfsLayers() {
    }

    /** The service proposed first: -Datlas.wfs.url when given (tests, another server), else the Géoplateforme. */
    public static String defaultEndpoint() {
        String s = System.getProperty("atlas.wfs.url");
        return s != null && !s.isBlank() ? s : GEOPLATEFORME;
    }

    /** Requests as the desktop makes them: the dated cache, a timeout of -Datlas.serviceTimeout seconds (20). */
    public static HttpService http() {
        int seconds = Integer.getInteger("atlas.serviceTimeout", 20);
        return new HttpService(Duration.ofSeconds(Math.max(1, seconds))).withCache(ResponseCache.configured());
    }

    /** The source of one feature type of a service, limited to a box (Lambert-93) or not. */
    public static WfsSource source(URI endpoint, String typeName, Envelope bbox) {
        String base = endpoint.toString();
        StringBuilder sb = new StringBuilder(WfsSource.PREFIX).append(base).append(base.contains("?") ? '&' : '?')
                .append("typeName=").append(URLEncoder.encode(typeName, StandardCharsets.UTF_8).replace("%3A", ":"));
        if (bbox != null && !bbox.isNull()) {
            sb.append(String.format(Locale.ROOT, "&bbox=%.1f,%.1f,%.1f,%.1f", bbox.getMinX(), bbox.getMinY(),
                    bbox.getMaxX(), bbox.getMaxY()));
        }
        return WfsSource.parse(sb.toString());
    }

    /** The string saved in the project: the source with its box, page size, limit and version, as {@link WfsSource#parse} reads it back. */
    public static String sourceText(WfsSource s) {
        StringBuilder sb = new StringBuilder(s.toString());
        Envelope b = s.bbox();
        if (b != null) {
            sb.append(String.format(Locale.ROOT, "&bbox=%.1f,%.1f,%.1f,%.1f", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
        }
        if (s.pageSize() > 0) sb.append("&count=").append(s.pageSize());
        if (s.maxFeatures() > 0) sb.append("&maxFeatures=").append(s.maxFeatures());
        if (s.version() != null) sb.append("&version=").append(s.version());
        return sb.toString();
    }

    public static boolean isWfs(LayerEntry e) {
        return WfsSource.isWfs(e.source());
    }

    /**
     * A new project entry for a WFS layer.
     *
     * @param producer the service's title from its capabilities, or null (then its host)
     * @param title    the feature type's title
     */
    public static LayerEntry entry(WfsSource s, String title, String producer) {
        String t = title == null || title.isBlank() ? s.typeName() : title;
        Provenance pv = new Provenance(producer == null || producer.isBlank() ? s.endpoint().getHost() : producer,
                t + " (WFS " + s.typeName() + ")", null, sourceText(s).substring(WfsSource.PREFIX.length()), null, null,
                false, null);
        return new LayerEntry(slug(s.typeName()) + "-wfs", t, LayerImport.ADDED_GROUP, sourceText(s), null, true, 1, null,
                null, null, false, null, null, pv);
    }

    /** The entry with the date of the copy in its provenance. */
    public static LayerEntry dated(LayerEntry e, Instant fetchedAt) {
        Provenance p = e.provenance();
        String date = fetchedAt.atZone(Localization.FRANCE).toLocalDate().toString();
        return e.withProvenance(new Provenance(p.producer(), p.dataset(), p.licence(), p.url(), date, p.precision(),
                p.simplified(), p.origin()), e.attribution());
    }

    /**
     * Reads a WFS entry's layer into the project CRS, every page. When the service cannot be
     * reached its cached answers are used: the layer then carries a notice with their date.
     *
     * @throws ServiceException       the service failed and nothing was cached (French, names the service)
     * @throws IllegalArgumentException the source is not a valid wfs: source (French)
     */
    public static ProjectLayer load(LayerEntry e, HttpService http, CrsId target) throws ServiceException {
        WfsSource s = parse(e);
        WfsClient.Result r = s.load(s.client(http));
        ProjectLayer l = ProjectLayer.loaded(dated(e, r.fetchedAt()), inCrs(r.layer(), target));
        if (!r.fromCache()) return l;
        return l.withNotice(Localization.text("io.layerServiceUnreachableCached", e.title(), s.endpoint().getHost(), r.fetchedAt().atZone(Localization.FRANCE).toLocalDate()));
    }

    /**
     * A refreshed layer and what changed against the copy in the project: the diff, or null when
     * the layer has no identifier field to match features on (then only the counts are known).
     */
    public record Refreshed(ProjectLayer layer, LayerDiff diff, int before, int after, int pages) {
        /** "2 ajoutés, 1 supprimé, 0 modifié, 22 inchangés", or the counts when features cannot be matched. */
        public String summary() {
            return diff != null ? diff.summary() : Localization.text("io.featureBeforeAfterIdentifier", before, (before > 1 ? "s" : ""), after);
        }
    }

    /**
     * Downloads the layer again from the service itself (a cached answer is refused: the point is
     * the service's current state), every page, and compares it with the copy the project holds.
     * Nothing is changed here: a download that fails half-way throws, and the caller keeps its
     * layer and its provenance as they were.
     *
     * @param key the identifier field, or null to take the first of the usual ones present and unique
     */
    public static Refreshed refresh(ProjectLayer current, HttpService http, CrsId target, String key, double tolerance)
            throws ServiceException {
        LayerEntry e = current.entry();
        WfsSource s = parse(e);
        WfsClient.Result r = s.load(s.client(http));
        if (r.fromCache()) {
            throw new ServiceException(s.endpoint(), ServiceException.Problem.UNREACHABLE, Localization.text("io.getfeatureServiceUnreachableLayer", s.typeName(), e.title()));
        }
        VectorLayer after = inCrs(r.layer(), target);
        VectorLayer before = current.isLoaded() ? current.data()
                : new VectorLayer(after.name(), after.geometryType(), after.crs(), after.schema(), java.util.List.of());
        LayerDiff diff;
        try {
            diff = LayerDiff.compare(before, after, key, tolerance);
        } catch (IllegalArgumentException noKey) {
            if (key != null) throw noKey;
            diff = null;
        }
        ProjectLayer l = new ProjectLayer(dated(e, r.fetchedAt()), after, null, current.style(), current.styleError(),
                current.shown(), null);
        return new Refreshed(l, diff, before.size(), after.size(), r.pages());
    }

    private static WfsSource parse(LayerEntry e) {
        WfsSource s = WfsSource.parse(e.source());
        if (s.typeName() == null) {
            throw new IllegalArgumentException(Localization.text("io.layerWfsSourceWithout", e.title(), e.source()));
        }
        return s;
    }

    private static VectorLayer inCrs(VectorLayer l, CrsId target) {
        return l.crs().isKnown() && CrsTransforms.isSupported(l.crs()) ? CrsTransforms.transform(l, target) : l;
    }

    private static String slug(String name) {
        String s = Normalizer.normalize(name.substring(name.indexOf(':') + 1), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "wfs" : s;
    }
}
