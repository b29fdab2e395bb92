package fr.bassinminier.atlas.ui;

import fr.bassinminier.atlas.records.Cite;
import fr.bassinminier.atlas.records.InvalidValueException;
import fr.bassinminier.atlas.records.Tranche;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cité editor's state: a working copy of the record's fields (as text, as typed) and of its
 * tranches' statuses, validation per field, undo and redo. No controls: tested without a window.
 */
public final class CiteEditorModel {
    /** One state of the form: the cité's cells and the status of each tranche by id. */
    record State(Map<String, String> cells, Map<Long, String> trancheStatus) {
        State {
            cells = Map.copyOf(cells);
            trancheStatus = Map.copyOf(trancheStatus);
        }
    }

    private final Cite original;
    private final Map<Long, Tranche> tranches = new LinkedHashMap<>();
    private State state;
    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();

    public CiteEditorModel(Cite cite, List<Tranche> citeTranches) {
        this.original = cite;
        Map<Long, String> ts = new LinkedHashMap<>();
        for (Tranche t : citeTranches) {
            tranches.put(t.id(), t);
            ts.put(t.id(), t.cells().get(Tranche.STATUS));
        }
        state = new State(withoutNulls(cite.cells()), ts);
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    public Cite original() {
        return original;
    }

    public String value(String column) {
        return state.cells().getOrDefault(column, "");
    }

    public String trancheStatus(long trancheId) {
        return state.trancheStatus().get(trancheId);
    }

    public List<Tranche> tranches() {
        return List.copyOf(tranches.values());
    }

    /** Sets a field as typed; an unchanged value records no undo step. */
    public void set(String column, String text) {
        String t = text == null ? "" : text;
        if (Objects.equals(value(column), t)) return;
        Map<String, String> cells = new LinkedHashMap<>(state.cells());
        cells.put(column, t);
        push(new State(cells, state.trancheStatus()));
    }

    public void setTrancheStatus(long trancheId, String status) {
        if (Objects.equals(trancheStatus(trancheId), status)) return;
        Map<Long, String> ts = new LinkedHashMap<>(state.trancheStatus());
        ts.put(trancheId, status);
        push(new State(state.cells(), ts));
    }

    private void push(State next) {
        undo.push(state);
        redo.clear();
        state = next;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) return;
        redo.push(state);
        state = undo.pop();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        undo.push(state);
        state = redo.pop();
    }

    /** French message of what is wrong with a field as typed, or null when it is valid. */
    public String problem(String column) {
        if (column.equals(Cite.ID)) return null;
        try {
            // Checked against the original's other fields, so each message is about this field alone.
            original.with(column, value(column));
            return null;
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
    }

    /** The record as edited; throws with a French message when a field is invalid. */
    public Cite result() {
        return Cite.fromCells(new LinkedHashMap<>(state.cells()));
    }

    /** The tranches whose status was changed, as they would be saved. */
    public List<Tranche> changedTranches() {
        return tranches.values().stream()
                .filter(t -> !Objects.equals(t.cells().get(Tranche.STATUS), trancheStatus(t.id())))
                .map(t -> t.with(Tranche.STATUS, trancheStatus(t.id())))
                .toList();
    }

    public boolean isDirty() {
        return !result().equals(original) || !changedTranches().isEmpty();
    }
}
