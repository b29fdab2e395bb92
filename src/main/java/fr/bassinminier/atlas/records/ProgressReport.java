package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the renovation of the mining dwellings stands, from the records: dwellings delivered,
 * in works, programmed, and still to do, against the ERBM target, overall, by EPCI and by owner.
 *
 * <p>A tranche's dwellings count in its status; "à l'étude" counts as not engaged. "Not engaged"
 * is, overall as in each group, the recorded dwellings less those delivered, in works or
 * programmed, so that the groups add up to the total; the target (23,000 dwellings for
 * 2017–2027) and the programme's reported figure are shown beside, never mixed in. A tranche is counted for the
 * landlord running its operation, or the cité's only owner. Owners' figures use their shares as
 * recorded; where the sources' shares add up to more than the cité (2016 report, Raismes:
 * 219 + 629 + 2 for 845), the owners' total exceeds the cités' total, with a warning.
 *
 * @param reported the programme's own figure of dwellings delivered, when the records hold one:
 *                 records are usually incomplete, and the two should be read side by side
 */
public record ProgressReport(int target, String targetSource, int cites, Figures total, Reported reported,
                             List<Group> byEpci, List<Group> byOwner, List<String> warnings) {
    /** The ERBM target when the records do not say: 23,000 dwellings, 2017–2027. */
    public static final int DEFAULT_TARGET = 23_000;
    public static final String META_TARGET = "objectif_logements", META_TARGET_SOURCE = "objectif_source",
            META_REPORTED = "realise_annonce_logements", META_REPORTED_AS_OF = "realise_annonce_date",
            META_REPORTED_SOURCE = "realise_annonce_source";
    public static final String NO_EPCI = Localization.get("progress.noEpci"),
            NO_OWNER = Localization.get("progress.noOwner"),
            UNSPLIT = Localization.get("progress.unsplit"),
            EXCESS = Localization.get("progress.excess");
    /** The one-line caveat every display and export of these figures carries. */
    public static final String CAVEAT = Localization.get("progress.caveat");

    public ProgressReport {
        byEpci = List.copyOf(byEpci);
        byOwner = List.copyOf(byOwner);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param dwellings dwellings recorded (sum over the cités, or the group's share)
     * @param toDo      dwellings recorded less those delivered, in works and programmed (no operation recorded)
     */
    public record Figures(int dwellings, int delivered, int inWorks, int programmed, int toDo) {
        /** Delivered as a share of {@code of} (0 when of is 0). */
        public double share(int of) {
            return of <= 0 ? 0 : (double) delivered / of;
        }
    }

    public record Group(String name, int cites, Figures figures) {
    }

    public record Reported(int delivered, String asOf, String source) {
    }

    public static ProgressReport of(RecordsSnapshot s) {
        int target = parseInt(s.meta().get(META_TARGET), DEFAULT_TARGET);
        String targetSource = s.meta().getOrDefault(META_TARGET_SOURCE, Localization.get("progress.targetSource"));
        Reported reported = null;
        Integer r = parseInt(s.meta().get(META_REPORTED), null);
        if (r != null) reported = new Reported(r, s.meta().get(META_REPORTED_AS_OF), s.meta().get(META_REPORTED_SOURCE));

        Map<Long, Operation> ops = s.operationsById();
        Map<String, Cite> cites = s.citesById();
        Map<String, List<Tranche>> byCite = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Tranche t : s.tranches()) {
            Operation op = ops.get(t.operationId());
            byCite.computeIfAbsent(op.citeId(), k -> new ArrayList<>()).add(t);
            if (t.dwellings() == null) {
                warnings.add(Localization.get("progress.warning.tranche", op.citeId(), op.name(),
                        String.valueOf(t.number())));
            }
        }

        Map<String, Acc> epci = new LinkedHashMap<>();
        Map<String, Acc> owners = new LinkedHashMap<>();
        Acc all = new Acc();
        for (Cite c : s.cites()) {
            List<Tranche> ts = byCite.getOrDefault(c.id(), List.of());
            Acc one = new Acc();
            for (Tranche t : ts) one.add(t);
            int dwellings = c.dwellings() == null ? 0 : c.dwellings();
            if (c.dwellings() == null && !ts.isEmpty()) {
                warnings.add(Localization.get("progress.warning.cite", c.id(), c.name()));
            }
            if (c.dwellings() != null && one.engaged() > c.dwellings()) {
                warnings.add(Localization.get("progress.warning.tranches", c.id(), c.name(),
                        String.valueOf(one.engaged()), String.valueOf(c.dwellings())));
            }
            all.cites++;
            all.dwellings += dwellings;
            all.addAll(one);
            all.toDo += Math.max(0, dwellings - one.engaged());
            Acc e = epci.computeIfAbsent(c.epci() == null ? NO_EPCI : c.epci(), k -> new Acc());
            e.cites++;
            e.dwellings += dwellings;
            e.addAll(one);
            e.toDo += Math.max(0, dwellings - one.engaged());

            // Owners: each one's share; what no share covers goes to one line that says so.
            Map<String, Integer> shares = new LinkedHashMap<>();
            if (c.owners().isEmpty()) {
                shares.put(NO_OWNER, dwellings);
            } else if (c.owners().size() == 1 && c.owners().get(0).dwellings() == null) {
                shares.put(c.owners().get(0).name(), dwellings);
            } else {
                int split = 0;
                for (Owner o : c.owners()) {
                    if (o.dwellings() != null) {
                        shares.merge(o.name(), o.dwellings(), Integer::sum);
                        split += o.dwellings();
                    }
                }
                if (dwellings > split) shares.merge(UNSPLIT, dwellings - split, Integer::sum);
                if (c.dwellings() != null && split > dwellings) {
                    // Kept as the source gives them: the owners' figures then add up to more.
                    warnings.add(Localization.get("progress.warning.shares", c.id(), c.name(),
                            String.valueOf(split), String.valueOf(dwellings)));
                    Acc x = owners.computeIfAbsent(EXCESS, k -> new Acc());
                    x.dwellings -= split - dwellings;
                    x.toDo -= split - dwellings;
                }
            }
            Map<String, Acc> engagedByOwner = new LinkedHashMap<>();
            for (Tranche t : ts) {
                Operation op = ops.get(t.operationId());
                String who = op.owner() != null ? op.owner()
                        : c.owners().size() == 1 ? c.owners().get(0).name()
                        : c.owners().isEmpty() ? NO_OWNER : UNSPLIT;
                engagedByOwner.computeIfAbsent(who, k -> new Acc()).add(t);
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>(shares.keySet());
            names.addAll(engagedByOwner.keySet());
            for (String name : names) {
                Acc o = owners.computeIfAbsent(name, k -> new Acc());
                int d = shares.getOrDefault(name, 0);
                Acc en = engagedByOwner.getOrDefault(name, new Acc());
                o.cites++;
                o.dwellings += d;
                o.addAll(en);
                o.toDo += Math.max(0, d - en.engaged());
            }
        }
        for (String id : byCite.keySet()) {
            if (!cites.containsKey(id)) warnings.add(Localization.get("progress.warning.unknownCite", id));
        }
        Figures total = new Figures(all.dwellings, all.delivered, all.inWorks, all.programmed, all.toDo);
        return new ProgressReport(target, targetSource, all.cites, total, reported, groups(epci), groups(owners),
                warnings);
    }

    private static List<Group> groups(Map<String, Acc> m) {
        List<Group> out = new ArrayList<>();
        m.forEach((k, a) -> out.add(new Group(k, a.cites,
                new Figures(a.dwellings, a.delivered, a.inWorks, a.programmed, a.toDo))));
        out.sort(Comparator.comparingInt((Group g) -> -g.figures().dwellings()).thenComparing(Group::name));
        return out;
    }

    private static Integer parseInt(String s, Integer dflt) {
        if (s == null) return dflt;
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static final class Acc {
        int cites, dwellings, delivered, inWorks, programmed, toDo;

        void add(Tranche t) {
            int n = t.dwellings() == null ? 0 : t.dwellings();
            switch (t.status()) {
                case LIVREE -> delivered += n;
                case TRAVAUX_EN_COURS -> inWorks += n;
                case PROGRAMMEE -> programmed += n;
                case A_L_ETUDE -> {
                    // Studied only: still to do.
                }
            }
        }

        void addAll(Acc o) {
            delivered += o.delivered;
            inWorks += o.inWorks;
            programmed += o.programmed;
        }

        int engaged() {
            return delivered + inWorks + programmed;
        }
    }
}
