package fr.bassinminier.atlas.io.project;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.project.Bookmark;
import fr.bassinminier.atlas.model.project.LabelRule;
import fr.bassinminier.atlas.model.project.LayerEntry;
import fr.bassinminier.atlas.model.project.LayerStyle;
import fr.bassinminier.atlas.model.project.MapProject;
import fr.bassinminier.atlas.model.project.PrintTemplate;
import fr.bassinminier.atlas.model.project.Provenance;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;

/**
 * The map project file (*.atlas.json), documented in README.md. JSON because users and scripts
 * can read and diff it; the version number lets a newer program upgrade an older file and an
 * older program refuse a newer one instead of misreading it.
 */
public final class ProjectFile {
    public static final int VERSION = 1;
    public static final String EXTENSION = ".atlas.json";
    /** For writing only, built when first needed: reading goes through {@link JsonTree}, quicker to start. */
    private static final class Writer {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ProjectFile() {
    }

    public static boolean isProjectFile(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    public static MapProject read(Path file) throws DataException {
        JsonNode root;
        fr.bassinminier.atlas.io.InputFiles.requireRegularFile(file);
        try {
            root = fr.bassinminier.atlas.io.JsonTree.read(file);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new DataException(file, Problem.TOO_LARGE, Localization.get("io.projectBeyondReadingLimits"), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DataException(file, Problem.CORRUPT, Localization.text("io.unreadableProjectInvalidJson", (loc == null ? "" : Localization.text("io.line", loc.getLineNr())), e.getOriginalMessage()), e);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new DataException(file, Problem.NOT_FOUND, Localization.get("io.projectFound"));
        } catch (IOException e) {
            throw new DataException(file, Problem.IO, Localization.text("io.cannotRead2", e.getMessage()), e);
        }
        if (root == null || !root.isObject() || !root.has("atlas_project")) {
            throw new DataException(file, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("io.atlasProjectMemberAtlas"));
        }
        int version = root.path("atlas_project").asInt(-1);
        if (version > VERSION) {
            throw new DataException(file, Problem.UNSUPPORTED_FORMAT, Localization.text("io.projectSavedNewerVersion", version, VERSION));
        }
        if (version < 1) throw new DataException(file, Problem.CORRUPT, Localization.get("io.invalidFormatNumber"));
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new DataException(file, Problem.CORRUPT, Localization.text("io.invalidProject", e.getMessage()), e);
        }
    }

    private static MapProject parse(JsonNode root) {
        String crs = root.path("crs").asText("EPSG:2154");
        if (crs.length() > 40 || !fr.bassinminier.atlas.crs.CrsTransforms.isSupported(new CrsId(crs, null))) {
            throw new IllegalArgumentException(Localization.text("io.coordinateSystemSupportedExpected", abbreviate(crs)));
        }
        List<LayerEntry> layers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode ls = root.path("layers");
        if (!ls.isArray()) throw new IllegalArgumentException(Localization.get("io.layersMustList"));
        for (JsonNode l : ls) {
            LayerEntry e = layer(l);
            if (!ids.add(e.id())) throw new IllegalArgumentException(Localization.text("io.duplicateLayerIdentifier", e.id()));
            layers.add(e);
        }
        List<Bookmark> bookmarks = new ArrayList<>();
        for (JsonNode b : root.path("bookmarks")) {
            bookmarks.add(new Bookmark(b.path("name").asText(), extent(b.get("extent"))));
        }
        return new MapProject(root.path("title").asText("Sans titre"), new CrsId(crs, null),
                extent(root.get("extent")), layers, bookmarks, text(root, "description"));
    }

    private static LayerEntry layer(JsonNode l) {
        String id = text(l, "id");
        String source = text(l, "source");
        if (id == null || id.isBlank()) throw new IllegalArgumentException(Localization.get("io.layerWithoutId"));
        if (source == null || source.isBlank()) throw new IllegalArgumentException(Localization.text("io.layerWithoutSource", id));
        double opacity = l.path("opacity").asDouble(1);
        if (opacity < 0 || opacity > 1) throw new IllegalArgumentException(Localization.text("io.opacityOutside", id));
        return new LayerEntry(id, l.path("title").asText(id), text(l, "group"), source, text(l, "layer"),
                l.path("visible").asBoolean(true), opacity, style(l.get("style")), label(l.get("label")),
                text(l, "attribution"), l.path("indicative").asBoolean(false), text(l, "description"), text(l, "sld"),
                provenance(l.get("provenance")));
    }

    private static Provenance provenance(JsonNode n) {
        if (n == null || !n.isObject()) return Provenance.UNKNOWN;
        return new Provenance(text(n, "producer"), text(n, "dataset"), text(n, "licence"), text(n, "url"),
                text(n, "date"), text(n, "precision"), n.path("simplified").asBoolean(false), text(n, "origin"));
    }

    private static LabelRule label(JsonNode n) {
        if (n == null || n.isNull()) return null;
        String field = text(n, "field");
        if (field == null) throw new IllegalArgumentException(Localization.get("io.labelWithoutField"));
        return new LabelRule(field, n.path("max_scale").asDouble(0), n.path("font_size").asDouble(11),
                n.path("color").asText("#222222"), n.path("priority").asInt(0), n.path("bold").asBoolean(false));
    }

    private static LayerStyle style(JsonNode s) {
        if (s == null || s.isNull()) return null;
        double[] dash = null;
        if (s.has("dash") && s.get("dash").isArray()) {
            dash = new double[s.get("dash").size()];
            double sum = 0;
            for (int i = 0; i < dash.length; i++) {
                dash[i] = s.get("dash").get(i).asDouble(-1);
                // Java2D refuses negative or all-zero dashes; thousands of entries are no style.
                if (!(dash[i] >= 0 && dash[i] <= 1000) || dash.length > 32) {
                    throw new IllegalArgumentException(Localization.get("io.dashUpPositiveLengths"));
                }
                sum += dash[i];
            }
            if (dash.length > 0 && sum == 0) throw new IllegalArgumentException(Localization.get("io.dashAllLengthsZero"));
        }
        return new LayerStyle(text(s, "fill"), s.path("fill_opacity").asDouble(1), text(s, "stroke"),
                s.path("stroke_width").asDouble(1), dash, s.path("point_size").asDouble(6), text(s, "hatch"));
    }

    private static Envelope extent(JsonNode e) {
        if (e == null || e.isNull()) return null;
        if (!e.isArray() || e.size() != 4) throw new IllegalArgumentException(Localization.get("io.extentMustMinxMiny"));
        for (JsonNode n : e) {
            if (!n.isNumber()) throw new IllegalArgumentException(Localization.get("io.extentNumberExpected"));
            // Beyond a billion (metres or degrees) no real map lies; ±1e308 would overflow the view.
            if (!(Math.abs(n.asDouble()) <= 1e9)) {
                throw new IllegalArgumentException(Localization.text("io.extentCoordinateOutsidePossible", n.asText()));
            }
        }
        if (!(e.get(0).asDouble() < e.get(2).asDouble() && e.get(1).asDouble() < e.get(3).asDouble())) {
            throw new IllegalArgumentException(Localization.get("io.extentMinxMaxxMiny"));
        }
        return new Envelope(e.get(0).asDouble(), e.get(2).asDouble(), e.get(1).asDouble(), e.get(3).asDouble());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Writes the project atomically (the previous file survives any failure). */
    public static void write(Path file, MapProject p) throws DataException {
        write(file, p, file, UnaryOperator.identity());
    }

    /**
     * Writes the project to {@code file} with the print templates of {@code templatesFrom} (the
     * file saved before, for "Enregistrer sous…"), their logo paths passed through {@code logoPath}.
     */
    public static void write(Path file, MapProject p, Path templatesFrom, UnaryOperator<String> logoPath)
            throws DataException {
        ObjectNode root = Writer.MAPPER.createObjectNode();
        root.put("atlas_project", VERSION);
        root.put("title", p.title());
        if (p.description() != null) root.put("description", p.description());
        root.put("crs", p.crs().code());
        if (p.initialExtent() != null) root.set("extent", extentNode(p.initialExtent()));
        ArrayNode layers = root.putArray("layers");
        for (LayerEntry e : p.layers()) {
            ObjectNode l = layers.addObject();
            l.put("id", e.id());
            l.put("title", e.title());
            putIf(l, "group", e.group());
            l.put("source", e.source());
            putIf(l, "layer", e.layerName());
            l.put("visible", e.visible());
            l.put("opacity", e.opacity());
            if (e.label() != null) {
                ObjectNode ln = l.putObject("label");
                ln.put("field", e.label().field());
                ln.put("max_scale", e.label().maxScale());
                ln.put("font_size", e.label().fontSize());
                ln.put("color", e.label().color());
                ln.put("priority", e.label().priority());
                ln.put("bold", e.label().bold());
            }
            putIf(l, "attribution", e.attribution());
            if (e.indicative()) l.put("indicative", true);
            putIf(l, "description", e.description());
            putIf(l, "sld", e.sld());
            if (e.provenance() != null && !e.provenance().equals(Provenance.UNKNOWN)) {
                Provenance pv = e.provenance();
                ObjectNode pn = l.putObject("provenance");
                putIf(pn, "producer", pv.producer());
                putIf(pn, "dataset", pv.dataset());
                putIf(pn, "licence", pv.licence());
                putIf(pn, "url", pv.url());
                putIf(pn, "date", pv.date());
                putIf(pn, "precision", pv.precision());
                if (pv.simplified()) pn.put("simplified", true);
                putIf(pn, "origin", pv.origin());
            }
            LayerStyle s = e.style();
            if (s != null) {
                ObjectNode sn = l.putObject("style");
                putIf(sn, "fill", s.fill());
                sn.put("fill_opacity", s.fillOpacity());
                putIf(sn, "stroke", s.stroke());
                sn.put("stroke_width", s.strokeWidth());
                if (s.dash() != null) {
                    ArrayNode d = sn.putArray("dash");
                    for (double v : s.dash()) d.add(v);
                }
                sn.put("point_size", s.pointSize());
                putIf(sn, "hatch", s.hatch());
            }
        }
        ArrayNode bms = root.putArray("bookmarks");
        for (Bookmark b : p.bookmarks()) {
            ObjectNode bn = bms.addObject();
            bn.put("name", b.name());
            bn.set("extent", extentNode(b.extent()));
        }
        keepPrintTemplates(templatesFrom, root, logoPath);
        AtomicFiles.write(file, out -> Writer.MAPPER.writeValue(out, root));
    }

    /**
     * Sets the date of the copy in the provenance of the layers whose source is {@code data}
     * (a file refreshed from its official source), editing the file's JSON in place so that
     * every other key stays as written; atomic. Returns the ids of the layers dated.
     */
    public static List<String> setCopyDate(Path file, Path data, String date) throws DataException {
        JsonNode root;
        try {
            root = fr.bassinminier.atlas.io.JsonTree.read(file);
        } catch (IOException e) {
            throw new DataException(file, Problem.IO, Localization.text("io.unreadableProject", e.getMessage()), e);
        }
        Path base = file.toAbsolutePath().getParent();
        Path target = data.toAbsolutePath().normalize();
        List<String> ids = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
            String source = text(l, "source");
            if (source == null || !(l instanceof ObjectNode layer)) continue;
            Path p;
            try {
                p = base.resolve(source).normalize();
            } catch (RuntimeException notAPath) {
                continue;
            }
            if (!p.equals(target)) continue;
            JsonNode pv = layer.get("provenance");
            ObjectNode pn = pv instanceof ObjectNode o ? o : layer.putObject("provenance");
            pn.put("date", date);
            ids.add(text(l, "id"));
        }
        if (!ids.isEmpty()) {
            final JsonNode out = root;
            AtomicFiles.write(file, o -> Writer.MAPPER.writeValue(o, out));
        }
        return ids;
    }

    /** Saving a project keeps the print templates already in its file (the map model does not carry them). */
    private static void keepPrintTemplates(Path file, ObjectNode root, UnaryOperator<String> logoPath) {
        try {
            if (file == null || !java.nio.file.Files.isRegularFile(file)) return;
            JsonNode old = fr.bassinminier.atlas.io.JsonTree.read(file).get("print_templates");
            if (old == null || !old.isArray()) return;
            for (JsonNode t : old) {
                if (t instanceof ObjectNode o && o.path("logo").isTextual()) o.put("logo", logoPath.apply(o.get("logo").asText()));
            }
            root.set("print_templates", old);
        } catch (IOException | RuntimeException e) {
            // an unreadable old file has no templates to keep
        }
    }

    /** The print templates of a project file (optional "print_templates" list); empty when it has none. */
    public static List<PrintTemplate> readPrintTemplates(Path file) throws DataException {
        JsonNode root;
        try {
            root = fr.bassinminier.atlas.io.JsonTree.read(file);
        } catch (IOException e) {
            throw new DataException(file, Problem.IO, Localization.text("io.unreadableProject", e.getMessage()), e);
        }
        List<PrintTemplate> out = new ArrayList<>();
        for (JsonNode t : root.path("print_templates")) {
            try {
                out.add(template(t));
            } catch (IllegalArgumentException e) {
                throw new DataException(file, Problem.CORRUPT, Localization.text("io.invalidPrintTemplate", abbreviate(t.path("name").asText("?")), e.getMessage()), e);
            }
        }
        return out;
    }

    private static PrintTemplate template(JsonNode t) {
        {
            return (new PrintTemplate(text(t, "name"), text(t, "page"), t.path("landscape").asBoolean(false),
                    t.path("margin_mm").asDouble(10), text(t, "title"), text(t, "subtitle"), text(t, "text"),
                    text(t, "author"), text(t, "logo"), t.path("legend").asBoolean(true),
                    t.path("overview").asBoolean(true), Math.max(0, t.path("scale").asDouble(0))));
        }
    }

    /** Replaces the print templates of a project file, leaving the rest of it as it is (atomic write). */
    public static void writePrintTemplates(Path file, List<PrintTemplate> templates) throws DataException {
        ObjectNode root;
        try {
            root = (ObjectNode) fr.bassinminier.atlas.io.JsonTree.read(file);
        } catch (IOException | ClassCastException e) {
            throw new DataException(file, Problem.CORRUPT, Localization.get("io.unreadableProjectInvalidJson2"));
        }
        ArrayNode a = root.putArray("print_templates");
        for (PrintTemplate t : templates) {
            ObjectNode n = a.addObject();
            n.put("name", t.name());
            n.put("page", t.page());
            n.put("landscape", t.landscape());
            n.put("margin_mm", t.marginMm());
            putIf(n, "title", t.title());
            putIf(n, "subtitle", t.subtitle());
            putIf(n, "text", t.text());
            putIf(n, "author", t.author());
            putIf(n, "logo", t.logo());
            n.put("legend", t.legend());
            n.put("overview", t.overview());
            n.put("scale", t.scale());
        }
        AtomicFiles.write(file, out -> Writer.MAPPER.writeValue(out, root));
    }

    private static void putIf(ObjectNode n, String k, String v) {
        if (v != null) n.put(k, v);
    }

    private static ArrayNode extentNode(Envelope e) {
        ArrayNode a = Writer.MAPPER.createArrayNode();
        a.add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        return a;
    }
}
