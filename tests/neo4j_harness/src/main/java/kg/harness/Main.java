package kg.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * An in-process Neo4j for tests: Bolt on 127.0.0.1 (port 0 = a free one), auth on.
 *
 * <p>Arguments: {@code [password] [port] [folder] [data]}; defaults {@code kg-test-password}, 0 and a new
 * temporary folder (the database lives inside it and is deleted on a clean exit). {@code data}, when given,
 * is a data folder ({@code databases/neo4j}, {@code transactions/neo4j}) that neo4j-admin imported into:
 * the server starts with a copy of its databases. Prints
 * {@code NEO4J_URI=bolt://127.0.0.1:PORT}, {@code NEO4J_USER=neo4j} and {@code NEO4J_PASSWORD=...}
 * one per line, then {@code READY}, and runs until stdin closes or the process is killed.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        String password = args.length > 0 ? args[0] : "kg-test-password";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("kg-neo4j-");
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(dir);
        if (args.length > 3) {
            builder = builder.copyFrom(Path.of(args[3]));
        }
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
        // close() deletes the database folder inside dir; then dir itself goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover empty temp folder is harmless
            }
        }));
        // The initial user neo4j/neo4j must change its password; set the known one directly.
        neo4j.databaseManagementService()
                .database("system")
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        System.out.println("NEO4J_URI=bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.println("NEO4J_USER=neo4j");
        System.out.println("NEO4J_PASSWORD=" + password);
        System.out.println("READY");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() != -1) {
            // wait for stdin to close
        }
        System.exit(0);
    }
}
