package fr.bassinminier.atlas.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.bassinminier.atlas.analysis.TestProjects;
import fr.bassinminier.atlas.model.CrsId;
import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import fr.bassinminier.atlas.model.VectorLayer;
import fr.bassinminier.atlas.model.project.ProjectLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Index and query times on 100,000 synthetic features (cités, terrils, communes with French
 * names). Prints the figures (and writes them to target/search-benchmark.txt); asserts only
 * that the results are right, never a time, since the build machine is shared.
 */
class FeatureSearchBenchmarkTest {
    private static final String[] WORDS = {"Alouettes", "Provinces", "Brebis", "Genettes", "Notre-Dame", "Château",
            "Bois", "Gare", "Plaine", "Justice", "Faisanderie", "Acacias", "Solitude", "Hermitage", "Parc",
            "Nouveau Monde", "Électriciens", "Saint-Pierre", "Croix", "Mont", "Moulin", "Fosse", "Bellevue", "Fleurs"};
    private static final String[] PLACES = {"Lens", "Liévin", "Bully-les-Mines", "Grenay", "Nœux-les-Mines", "Douai",
            "Hénin-Beaumont", "Oignies", "Libercourt", "Loos-en-Gohelle", "Condé-sur-l'Escaut", "Évin-Malmaison",
            "Bruay-la-Buissière", "Wallers", "Raismes", "Denain", "Auchel", "Carvin", "Harnes", "Méricourt"};

    @Test
    void hundredThousandFeatures() throws IOException {
        Random r = new Random(42);
        Schema cites = TestProjects.schema("nom:string", "communes:string", "id_mbm:string", "note:string");
        Schema terrils = TestProjects.schema("no_terril:string", "nom:string", "commune_1:string");
        Schema communes = TestProjects.schema("nom:string", "insee:string");
        List<Feature> fc = new ArrayList<>();
        List<Feature> ft = new ArrayList<>();
        List<Feature> fm = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String name = "Cité " + (r.nextInt(3) == 0 ? "n°" + r.nextInt(200) + " de " + pick(r, PLACES)
                    : "des " + pick(r, WORDS) + (r.nextBoolean() ? " " + pick(r, WORDS) : ""));
            fc.add(new Feature(i, TestProjects.GF.createPoint(new Coordinate(i, i)), cites,
                    new Object[] {name, pick(r, PLACES) + " / " + pick(r, PLACES), String.valueOf(i), "note " + i}));
        }
        for (int i = 0; i < 30_000; i++) {
            ft.add(new Feature(i, TestProjects.GF.createPoint(new Coordinate(i, -i)), terrils,
                    new Object[] {String.format(Locale.ROOT, "T%03d%s", i, i % 7 == 0 ? "a" : ""),
                            r.nextInt(4) + " de " + pick(r, PLACES), pick(r, PLACES)}));
        }
        for (int i = 0; i < 10_000; i++) {
            fm.add(new Feature(i, TestProjects.GF.createPoint(new Coordinate(-i, i)), communes,
                    new Object[] {pick(r, PLACES) + (i < PLACES.length ? "" : "-" + pick(r, WORDS) + "-" + i),
                            String.valueOf(59000 + i)}));
        }
        List<ProjectLayer> layers = List.of(
                TestProjects.projectLayer("communes", "Communes", "nom", vl("communes", communes, fm)),
                TestProjects.projectLayer("cites", "Cités minières", "nom", vl("cites", cites, fc)),
                TestProjects.projectLayer("terrils", "Terrils", "nom", vl("terrils", terrils, ft)));

        long[] buildNanos = new long[3];
        FeatureSearch search = null;
        for (int i = 0; i < buildNanos.length; i++) {
            long t0 = System.nanoTime();
            search = new FeatureSearch(layers);
            buildNanos[i] = System.nanoTime() - t0;
        }
        String[] queries = {"alouettes bully", "cite 9 lens", "noeux", "terril 74", "T115", "l", "cite", "lens",
                "faisanderie libercourt", "saint pierre denain", "c", "T2"};
        int rounds = 30;
        long[] all = new long[queries.length * rounds];
        long[] worstPerQuery = new long[queries.length];
        int n = 0;
        for (int round = 0; round < rounds + 5; round++) {
            for (int q = 0; q < queries.length; q++) {
                long t0 = System.nanoTime();
                List<SearchHit> hits = search.search(queries[q], 20);
                long dt = System.nanoTime() - t0;
                if (round < 5) continue; // warm-up
                all[n++] = dt;
                worstPerQuery[q] = Math.max(worstPerQuery[q], dt);
                if (round == 5 && q == 4) assertEquals("T115", hits.get(0).feature().get("no_terril"));
                if (round == 5 && q == 0) assertFalse(hits.isEmpty());
            }
        }
        Arrays.sort(all);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "FeatureSearch benchmark: %,d features, %,d distinct words%n",
                search.size(), search.wordCount()));
        b.append(String.format(Locale.ROOT, "  index build: first %.0f ms, then %.0f ms, %.0f ms%n",
                buildNanos[0] / 1e6, buildNanos[1] / 1e6, buildNanos[2] / 1e6));
        b.append(String.format(Locale.ROOT, "  query (%d queries x %d, max 20 hits): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                queries.length, rounds, all[n / 2] / 1e6, all[(int) (n * 0.95)] / 1e6, all[n - 1] / 1e6));
        for (int q = 0; q < queries.length; q++) {
            b.append(String.format(Locale.ROOT, "    %-24s worst %.2f ms%n", '"' + queries[q] + '"', worstPerQuery[q] / 1e6));
        }
        System.out.print(b);
        Path out = Path.of(System.getProperty("atlas.projectDir", "."), "target", "search-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
    }

    private static VectorLayer vl(String name, Schema s, List<Feature> fs) {
        return new VectorLayer(name, GeometryType.POINT, CrsId.LAMBERT_93, s, fs);
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }
}
