package fr.bassinminier.atlas.records.seed;

import fr.bassinminier.atlas.l10n.Localization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.io.Dataset;
import fr.bassinminier.atlas.io.Formats;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.CiteStore;
import fr.bassinminier.atlas.records.Commune;
import fr.bassinminier.atlas.records.FeatureLink;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.Operation;
import fr.bassinminier.atlas.records.Owner;
import fr.bassinminier.atlas.records.ProgressReport;
import fr.bassinminier.atlas.records.Programme;
import fr.bassinminier.atlas.records.RecordsException;
import fr.bassinminier.atlas.records.Tranche;
import fr.bassinminier.atlas.records.TrancheStatus;
import fr.bassinminier.atlas.records.UnescoStatus;
import fr.bassinminier.atlas.records.UrbanWork;
import fr.bassinminier.atlas.records.UrbanWorkStatus;
import fr.bassinminier.atlas.records.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first content of a project's records, read from data: the cités layer of the demo
 * ({@code cites.geojson}, read like any layer through {@link Formats}) and a seed file
 * ({@code cites-suivi.json}) that maps the sources' wording onto the records' closed lists and
 * adds what the layer does not hold (owners' shares, tranches, programme figures). The code
 * here only applies those mappings: no fact is written in it.
 *
 * <p>Ids: a cité takes the id "mbm-" + its Mission Bassin Minier index where the report gives
 * one that no other row shares; else the layer's own key (the report lists n°2 and n°33 twice,
 * for two parts of the same cités, and some rows have no index).
 */
public final class RecordsSeed {
    /** The seed file, in the project's data folder. */
    public static final String FILE = "cites-suivi.json";
    public static final String META_SEED = "amorcage";

    /** An operation and its tranches, not yet stored (operation id 0). */
    public record PlannedOperation(Operation operation, List<Tranche> tranches) {
    }

    /** @param unmatched rows of the report that no official cité matches (name and commune), in French */
    public record Content(Path seedFile, Path layerFile, List<Cite> cites, List<PlannedOperation> operations,
                          List<UrbanWork> urbanWorks, Map<String, String> meta, List<String> unmatched) {
    }

    private RecordsSeed() {
    }

    public static Content read(Path seedFile) throws DataException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(seedFile));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataException(seedFile, Problem.NOT_FOUND, Localization.get("records.fileFound"));
        } catch (IOException e) {
            throw new DataException(seedFile, Problem.CORRUPT, Localization.text("records.unreadableJson", e.getMessage()), e);
        }
        if (root == null || root.path("atlas_records_seed").asInt(0) != 1) {
            throw new DataException(seedFile, Problem.UNSUPPORTED_FORMAT,
                    Localization.get("records.recordsSeedFileMember"));
        }
        JsonNode layer = root.path("layer");
        String layerId = layer.path("id").asText("cites");
        String keyField = layer.path("key").asText("id");
        Path layerFile = seedFile.resolveSibling(layer.path("source").asText("cites.geojson"));
        Dataset ds = Formats.read(layerFile);
        if (ds.layers().isEmpty()) throw new DataException(layerFile, Problem.CORRUPT, Localization.get("records.layer"));
        VectorLayer cites = ds.layers().get(0);

        // The records link to the official cités when the seed names them (the demo's keys otherwise).
        JsonNode officialNode = root.path("official");
        CiteMatcher matcher = null;
        String linkLayer = layerId;
        if (officialNode.isObject()) {
            Path of = seedFile.resolveSibling(officialNode.path("source").asText());
            Dataset ods = Formats.read(of);
            String name = officialNode.path("layer").asText("cites");
            VectorLayer ol = ods.layer(name).orElseThrow(() -> new DataException(of, Problem.CORRUPT,
                    Localization.text("records.layerMissing", name)));
            matcher = new CiteMatcher(ol, officialNode.path("key").asText("cle"));
            linkLayer = officialNode.path("id").asText("cites");
        }
        List<String> unmatched = new ArrayList<>();
        Map<String, Integer> mbmCount = new HashMap<>();
        for (Feature f : cites.features()) {
            String mbm = text(f, "id_mbm");
            if (mbm != null) mbmCount.merge(mbm, 1, Integer::sum);
        }

        List<Cite> out = new ArrayList<>();
        List<PlannedOperation> ops = new ArrayList<>();
        List<UrbanWork> works = new ArrayList<>();
        JsonNode defOp = root.path("default_operation");
        for (Feature f : cites.features()) {
            String key = text(f, keyField);
            String where = Localization.text("records.feature", key, layerFile.getFileName());
            try {
                if (key == null) throw new InvalidValueException(Localization.text("records.emptyKey", keyField));
                String mbm = text(f, "id_mbm");
                String id = mbm != null && mbmCount.get(mbm) == 1 ? "mbm-" + mbm : key;
                String programmeText = text(f, "programme");
                Set<Programme> programmes = EnumSet.noneOf(Programme.class);
                if (programmeText != null) {
                    JsonNode mapped = root.path("programmes").get(programmeText);
                    if (mapped == null) throw new InvalidValueException(Localization.text("records.programmeMissingProgrammesTable", programmeText, seedFile.getFileName()));
                    for (JsonNode p : mapped) programmes.add(Programme.parse(p.asText()).orElseThrow(
                            () -> new InvalidValueException(Localization.text("records.unknownProgramme", p.asText()))));
                }
                UnescoStatus unesco = null;
                String u = text(f, "unesco");
                if (u != null) {
                    JsonNode mapped = root.path("unesco").get(u);
                    if (mapped == null) throw new InvalidValueException(Localization.text("records.unescoStatusMissingUnesco", u));
                    unesco = UnescoStatus.parse(mapped.asText()).orElseThrow(
                            () -> new InvalidValueException(Localization.text("records.unknownUnescoStatus", mapped.asText())));
                }
                List<Commune> communes = new ArrayList<>();
                String cs = text(f, "communes");
                if (cs != null) for (String c : cs.split("/")) if (!c.isBlank()) communes.add(Commune.named(c));
                String note = text(f, "note");
                String ownerText = text(f, "proprietaire");
                List<Owner> owners = new ArrayList<>();
                JsonNode detailed = root.path("owners").get(key);
                if (detailed != null) {
                    for (JsonNode o : detailed) {
                        owners.add(new Owner(o.path("name").asText(), o.has("dwellings") ? o.path("dwellings").asInt() : null));
                    }
                    // The source's own wording stays with the record.
                    String said = Localization.text("records.ownersAccordingSource", ownerText);
                    note = note == null ? said : note + " " + said;
                } else if (ownerText != null) {
                    owners.add(new Owner(ownerText, null));
                }
                Integer dwellings = integer(f, "logements");
                List<FeatureLink> links = new ArrayList<>();
                if (matcher == null) {
                    links.add(new FeatureLink(layerId, key));
                } else {
                    for (String k : matcher.match(text(f, "nom"), communes.stream().map(Commune::name).toList())) {
                        links.add(new FeatureLink(linkLayer, k));
                    }
                    if (links.isEmpty()) unmatched.add(Localization.text("records.labelledWithCount", key, text(f, "nom"), cs));
                }
                Cite cite = new Cite(id, mbm, text(f, "nom"), communes, text(f, "epci"), owners, dwellings, unesco,
                        programmes, programmeText, links, note, text(f, "source"));
                out.add(cite);

                String statusSource = text(f, "statut_source");
                String statusDate = text(f, "statut_date");
                JsonNode explicitOps = root.path("operations").get(key);
                if (explicitOps != null) {
                    for (JsonNode o : explicitOps) {
                        Operation op = new Operation(0, id, o.path("name").asText(),
                                Operation.parseProgramme(o.path("programme").asText(null)), o.path("owner").asText(null));
                        List<Tranche> ts = new ArrayList<>();
                        for (JsonNode t : o.path("tranches")) {
                            ts.add(new Tranche(0, 0, t.path("number").asInt(), t.has("dwellings") ? t.path("dwellings").asInt() : null,
                                    status(TrancheStatus.parse(t.path("status").asText()), t.path("status").asText()),
                                    Values.date(t.path("start").asText(null)), Values.date(t.path("end").asText(null)),
                                    t.path("energy_before").asText(null), t.path("energy_after").asText(null),
                                    Values.cost(t.path("cost_euros").asText(null)), t.path("source").asText(null)));
                        }
                        ops.add(new PlannedOperation(op, ts));
                    }
                } else {
                    String r = text(f, "statut_renovation");
                    if (r != null) {
                        JsonNode mapped = root.path("renovation_status").get(r);
                        if (mapped == null) throw new InvalidValueException(Localization.text("records.renovationStatusMissingRenovation", r));
                        if (!mapped.isNull()) {
                            TrancheStatus ts = status(TrancheStatus.parse(mapped.asText()), mapped.asText());
                            Operation op = new Operation(0, id, defOp.path("name").asText("Réhabilitation"),
                                    Operation.parseProgramme(defOp.path("programme").asText(null)), null);
                            String src = join(statusSource, defOp.path("tranche_note").asText(null));
                            Tranche t = new Tranche(0, 0, 1, dwellings, ts, null,
                                    ts == TrancheStatus.LIVREE ? Values.date(statusDate) : null, null, null, null, src);
                            ops.add(new PlannedOperation(op, List.of(t)));
                        }
                    }
                }
                JsonNode explicitWorks = root.path("urban_works").get(key);
                if (explicitWorks != null) {
                    for (JsonNode w : explicitWorks) {
                        works.add(new UrbanWork(0, id, w.path("title").asText(), status(UrbanWorkStatus.parse(
                                w.path("status").asText()), w.path("status").asText()), Values.date(w.path("start").asText(null)),
                                Values.date(w.path("end").asText(null)), Values.cost(w.path("cost_euros").asText(null)),
                                w.path("source").asText(null)));
                    }
                } else {
                    String s = text(f, "statut_urbain");
                    if (s != null) {
                        JsonNode mapped = root.path("urban_status").get(s);
                        if (mapped == null) throw new InvalidValueException(Localization.text("records.urbanStatusMissingUrban", s));
                        if (!mapped.isNull()) {
                            works.add(new UrbanWork(0, id, root.path("default_urban_work").asText("Rénovation urbaine"),
                                    status(UrbanWorkStatus.parse(mapped.asText()), mapped.asText()), null, null, null,
                                    join(statusSource, statusDate == null ? null : "état au " + statusDate)));
                        }
                    }
                }
            } catch (InvalidValueException e) {
                throw new DataException(seedFile, Problem.INCONSISTENT, where + " : " + e.getMessage() + ".");
            }
        }

        Map<String, String> meta = new LinkedHashMap<>();
        JsonNode target = root.path("target");
        if (target.has("dwellings")) {
            meta.put(ProgressReport.META_TARGET, target.path("dwellings").asText());
            meta.put(ProgressReport.META_TARGET_SOURCE, target.path("source").asText(null));
        }
        JsonNode reported = root.path("reported");
        if (reported.has("delivered")) {
            meta.put(ProgressReport.META_REPORTED, reported.path("delivered").asText());
            meta.put(ProgressReport.META_REPORTED_AS_OF, reported.path("as_of").asText(null));
            meta.put(ProgressReport.META_REPORTED_SOURCE, reported.path("source").asText(null));
        }
        meta.put(META_SEED, "data/" + seedFile.getFileName() + " + data/" + layerFile.getFileName());
        return new Content(seedFile, layerFile, out, ops, works, meta, unmatched);
    }

    /**
     * Stores the content as one edit, unless the store already holds one of its cités (another
     * program seeded it first). Returns the edit id, 0 when nothing was written.
     */
    public static long apply(CiteStore store, Content content, String user) throws RecordsException {
        return store.edit(user, "Amorçage des fiches depuis " + content.layerFile().getFileName() + " et "
                + content.seedFile().getFileName(), tx -> {
            if (content.cites().isEmpty() || tx.cite(content.cites().get(0).id()).isPresent()) return;
            for (Cite c : content.cites()) tx.saveCite(c);
            for (PlannedOperation p : content.operations()) {
                Operation op = tx.saveOperation(p.operation());
                for (Tranche t : p.tranches()) tx.saveTranche(t.withOperation(op.id()));
            }
            for (UrbanWork w : content.urbanWorks()) tx.saveUrbanWork(w);
            for (Map.Entry<String, String> e : content.meta().entrySet()) tx.putMeta(e.getKey(), e.getValue());
        });
    }

    private static <E> E status(java.util.Optional<E> parsed, String text) {
        return parsed.orElseThrow(() -> new InvalidValueException(Localization.text("records.unknownStatus", text)));
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + " ; " + b;
    }

    private static String text(Feature f, String field) {
        Object v = f.get(field);
        if (v == null) return null;
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static Integer integer(Feature f, String field) {
        Object v = f.get(field);
        if (v instanceof Number n) return n.intValue();
        return v == null ? null : Values.dwellings(v.toString());
    }
}
