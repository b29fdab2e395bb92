package fr.bassinminier.atlas.ui;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Datlas.startTrace=true}, the phases of the window's start are written to stderr
 * with the milliseconds since the JVM started ({@code DesktopStartBench} reads them): where the
 * start-up time goes, measured rather than guessed. Off, it costs one boolean test.
 */
final class StartTrace {
    private static final boolean ON = Boolean.getBoolean("atlas.startTrace");

    private StartTrace() {
    }

    static void mark(String phase) {
        if (ON) {
            System.err.printf("start %5d ms  %s%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(), phase);
        }
    }
}
