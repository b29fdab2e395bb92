package fr.bassinminier.atlas.io;

import java.nio.file.Path;

/** A save that never ends (run in its own JVM by AtomicFilesTest, then killed). */
public final class SlowSaver {
    private SlowSaver() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
