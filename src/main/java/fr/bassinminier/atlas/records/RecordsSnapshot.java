package fr.bassinminier.atlas.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the store holds at one moment (read in one transaction), for export and figures. */
public record RecordsSnapshot(List<Cite> cites, List<Operation> operations, List<Tranche> tranches,
                              List<UrbanWork> urbanWorks, Map<String, String> meta) {
    public RecordsSnapshot {
        cites = List.copyOf(cites);
        operations = List.copyOf(operations);
        tranches = List.copyOf(tranches);
        urbanWorks = List.copyOf(urbanWorks);
        meta = Map.copyOf(meta);
    }

    public Optional<Cite> cite(String id) {
        return cites.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Map<Long, Operation> operationsById() {
        Map<Long, Operation> m = new HashMap<>();
        for (Operation o : operations) m.put(o.id(), o);
        return m;
    }

    public Map<String, Cite> citesById() {
        Map<String, Cite> m = new HashMap<>();
        for (Cite c : cites) m.put(c.id(), c);
        return m;
    }
}
