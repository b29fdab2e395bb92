package fr.bassinminier.atlas.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The developers' command line: the product's commands plus {@code bench} and {@code generate},
 * which live with the tests and stay out of the product jar. Run from the test classes:
 * <pre>
 * ./mvnw -q -DskipTests package test-compile
 * java -cp target/atlas.jar:target/test-classes fr.bassinminier.atlas.cli.DevMain bench maps/bassin-minier.atlas.json
 * </pre>
 * ({@code src/test/bench/atlas-dev} does both.)
 */
public final class DevMain {
    private DevMain() {
    }

    /** The commands only developers need (new instances: picocli fills their fields). */
    static List<Object> commands() {
        return List.of(new BenchCommand(), new GenerateCommand());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(AtlasCommand.run(args, out, err, commands()));
    }
}
