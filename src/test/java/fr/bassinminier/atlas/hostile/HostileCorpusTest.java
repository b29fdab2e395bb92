package fr.bassinminier.atlas.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line, in-process, on every file of the hostile corpus with a time limit per
 * file, and classifies each run. Fails on any hang, crash (Error), unhandled exception ("Erreur
 * inattendue"), wrong success (a file a correct program refuses), message that is not French or
 * does not name the file, file written beside the input, or secret read through XXE. Prints
 * the table by format and outcome (copied into the README).
 */
class HostileCorpusTest {
    private static final long SEED = 13;
    private static final int LIMIT_SECONDS = 10;

    @TempDir
    Path root;

    enum Outcome { ACCEPTED, DEGRADED, REFUSED, HANG, CRASH, UNHANDLED, WRONG_SUCCESS, BAD_MESSAGE, SIDE_EFFECT, SECRET_READ }

    @Test
    void everyHostileFileGetsAnAnswerInFrenchWithinTheLimit() throws Exception {
        System.setProperty("atlas.read.viewSeconds", "1");
        try {
            run();
        } finally {
            System.clearProperty("atlas.read.viewSeconds");
        }
    }

    private void run() throws Exception {
        Path secret = root.resolve("secret.txt");
        List<HostileCorpus> corpus = HostileCorpus.generate(root, SEED, secret);
        assertTrue(corpus.size() >= 500, "corpus of " + corpus.size() + " files");
        Path outDir = Files.createDirectories(root.resolve("out"));
        Path demoProject = root.resolve("demo/bassin-minier.atlas.json");
        Map<String, Map<Outcome, Integer>> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        int i = 0;
        for (HostileCorpus c : corpus) {
            String[] args = switch (c.command()) {
                case "render" -> new String[] {"render", c.file().toString(), "--out",
                        outDir.resolve("r" + i + ".png").toString(), "--width", "160", "--height", "120"};
                case "print" -> new String[] {"print", "--project", c.file().toString(), "--out",
                        outDir.resolve("p" + i + ".pdf").toString()};
                case "import" -> new String[] {"records", "import", "--dry-run", "--project", demoProject.toString(),
                        c.file().toString()};
                default -> new String[] {"info", c.file().toString()};
            };
            i++;
            Map<String, Long> before = listing(c.file().getParent());
            CompletableFuture<String[]> run = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    run.complete(HostileCorpus.run(args));
                } catch (Throwable e) {
                    run.completeExceptionally(e);
                }
            }, "hostile-" + i);
            worker.setDaemon(true);
            worker.start();
            Outcome o;
            String detail = "";
            try {
                String[] r = run.get(LIMIT_SECONDS, TimeUnit.SECONDS);
                int code = Integer.parseInt(r[0]);
                String err = r[2];
                detail = err.strip();
                if (err.contains(HostileCorpus.SECRET) || r[1].contains(HostileCorpus.SECRET)) o = Outcome.SECRET_READ;
                else if (err.contains("Erreur inattendue")) o = Outcome.UNHANDLED;
                else if (err.contains("mémoire insuffisante") || err.contains("pile d'appels")) o = Outcome.CRASH;
                else if (code != 0 && !goodMessage(err, c)) o = Outcome.BAD_MESSAGE;
                else if (code != 0) o = Outcome.REFUSED;
                else if (!err.isBlank()) o = goodMessage(err, c) ? Outcome.DEGRADED : Outcome.BAD_MESSAGE;
                else o = c.mustRefuse() ? Outcome.WRONG_SUCCESS : Outcome.ACCEPTED;
            } catch (TimeoutException e) {
                worker.interrupt();
                o = Outcome.HANG;
            } catch (java.util.concurrent.ExecutionException e) {
                o = Outcome.CRASH;
                detail = String.valueOf(e.getCause());
            }
            if (o.ordinal() < Outcome.HANG.ordinal() && !listing(c.file().getParent()).equals(before)) o = Outcome.SIDE_EFFECT;
            table.computeIfAbsent(c.format(), k -> new TreeMap<>()).merge(o, 1, Integer::sum);
            if (o.ordinal() >= Outcome.HANG.ordinal()) {
                failures.add(o + " " + c.format() + " " + c.label() + " " + root.relativize(c.file()) + " : "
                        + (detail.length() > 300 ? detail.substring(0, 300) : detail));
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        System.out.println("Corpus hostile : " + corpus.size() + " fichiers, " + seconds + " s");
        System.out.println("| format | " + String.join(" | ", names()) + " |");
        System.out.println("|---|" + "---|".repeat(Outcome.values().length));
        for (var e : table.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (Outcome o : Outcome.values()) row.append(' ').append(e.getValue().getOrDefault(o, 0)).append(" |");
            System.out.println(row);
        }
        failures.forEach(System.out::println);
        assertEquals(List.of(), failures, failures.size() + " failures");
    }

    private static List<String> names() {
        return Stream.of(Outcome.values()).map(o -> o.name().toLowerCase()).toList();
    }

    /** French, names the case's file (or a file of its folder, for a project), no Java class or stack. */
    static boolean goodMessage(String err, HostileCorpus c) {
        if (err.contains("Exception") || err.contains("\tat ") || err.contains("java.")) return false;
        if (!(err.contains("Erreur") || err.contains("Attention"))) return false;
        String name = c.file().getFileName().toString();
        if (err.contains(name)) return true;
        try (Stream<Path> s = Files.list(c.file().getParent())) {
            return s.anyMatch(p -> err.contains(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Long> listing(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.size(p) : -1);
            }
        }
        return out;
    }
}
