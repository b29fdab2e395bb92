package fr.bassinminier.atlas.model.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a layer's data come from, as a print or a report must state it (Licence Ouverte requires
 * the attribution) and as a heritage check must weigh it: official before indicative, full
 * precision before simplified.
 *
 * @param producer   who made the data ("Mission Bassin Minier")
 * @param dataset    the dataset's name at its producer
 * @param licence    the licence ("Licence Ouverte / Etalab 2.0"), null when unknown
 * @param url        where the official data can be had, null when unknown
 * @param date       date of this copy (ISO yyyy-MM-dd), null when unknown
 * @param precision  what the copy is worth in metres ("simplifié ≈ 10 m"), null when as published
 * @param simplified whether the geometry was simplified from the official one
 * @param origin     for a file the user added: the file's name, until the user names the producer
 */
public record Provenance(String producer, String dataset, String licence, String url, String date, String precision,
                         boolean simplified, String origin) {
    public static final Provenance UNKNOWN = new Provenance(null, null, null, null, null, null, false, null);

    /** A file the user added, known only by its name. */
    public static Provenance ofFile(String fileName) {
        return new Provenance(null, null, null, null, null, null, false, fileName);
    }

    public boolean isKnown() {
        return producer != null;
    }

    /** One line for a legend or a print: producer, dataset, licence, date, precision. */
    public String line() {
        List<String> parts = new ArrayList<>();
        if (producer != null) parts.add(producer);
        else if (origin != null) parts.add("fichier « " + origin + " », origine non renseignée");
        if (dataset != null) parts.add(dataset);
        if (licence != null) parts.add(licence);
        if (date != null) parts.add("copie du " + date);
        if (precision != null) parts.add(precision);
        return String.join(" — ", parts);
    }
}
