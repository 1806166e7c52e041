package org.cdcpipeline.writer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import org.cdcpipeline.embedded.postgres.PostgresSettings;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/**
 * Measures the transaction-writer on this machine: POST /api/transactions from a load client on loopback, then the
 * bulk mode. Starts its own PostgreSQL and runs the built service ({@code target/quarkus-app/quarkus-run.jar}) as a
 * child process, as the local pipeline does. Not a test: run it with {@code ./mvnw -f services/transaction-writer/pom.xml
 * -Pbenchmark verify}.
 *
 * <p>The load is open-loop: requests leave on a fixed schedule whether or not earlier ones have answered, and each
 * latency is measured from its scheduled start, so a stalled server shows up in the percentiles instead of quietly
 * slowing the client down (no coordinated omission).
 */
public final class WriterBenchmark {

    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "1000"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup-seconds", 15);
    private static final long BULK_ROWS = Long.getLong("bench.bulk-rows", 1_000_000);
    /** Bounds the client's open connections; a request that waits for a slot still counts from its scheduled start. */
    private static final int MAX_IN_FLIGHT = Integer.getInteger("bench.max-in-flight", 256);
    private static final String ADMIN_PASSWORD = "bench-admin";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private WriterBenchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs this in its own class loader, where DriverManager's service-loader scan does not look.
        Class.forName("org.postgresql.Driver");
        Path moduleDirectory = Path.of(System.getProperty("bench.module-dir", "."));
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (the benchmark profile runs after package)");
        }
        Path state = Files.createTempDirectory(moduleDirectory.resolve("target"), "bench-");
        try (PostgresServer postgres = PostgresServer.start(PostgresSettings.of(state.resolve("postgres"), Ports.findFree(), "postgres", ADMIN_PASSWORD)
                .withServerSettings(PostgresSettings.WAL_TUNING))) {
            postgres.createDatabaseIfMissing("bank");
            int port = Ports.findFree();
            Process writer = startWriter(jar, postgres.jdbcUrl("bank"), port, state.resolve("writer.log"));
            try {
                WriterBenchmark benchmark = new WriterBenchmark(URI.create("http://" + Ports.LOOPBACK + ":" + port));
                benchmark.awaitReady(writer);
                benchmark.run();
            } finally {
                writer.destroy();
                writer.waitFor();
            }
        } finally {
            // A run leaves several hundred MB of rows behind; nothing reads them again.
            deleteRecursively(PostgresServer.homeFor(state.resolve("postgres")));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static Process startWriter(Path jar, String jdbcUrl, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "CDC_DATABASE_URL", jdbcUrl,
                "CDC_DATABASE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "CDC_DATABASE_APP_PASSWORD", "bench-app",
                "CDC_DATABASE_DEBEZIUM_PASSWORD", "bench-debezium",
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_HTTP_HOST", Ports.LOOPBACK));
        System.out.println("writer log: " + log);
        return builder.start();
    }

    private void awaitReady(Process writer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!writer.isAlive()) {
                throw new IllegalStateException("The writer exited with " + writer.exitValue() + "; see its log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The writer did not become ready within 120 s");
    }

    private void run() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(create("/api/accounts", "{\"ownerName\":\"Bench " + i + "\",\"iban\":\"" + Iban.random(CountryCode.DE)
                    + "\",\"homeCountry\":\"DE\",\"currency\":\"EUR\"}"));
        }
        String merchant = create("/api/merchants", "{\"name\":\"Bench Shop\",\"category\":\"GROCERY\",\"country\":\"DE\"}");

        System.out.printf(Locale.ROOT, "warm-up: %d s at %.0f req/s%n", WARM_UP_SECONDS, RATE);
        load(accounts, merchant, WARM_UP_SECONDS);
        System.out.printf(Locale.ROOT, "measuring: %d s at %.0f req/s%n", SECONDS, RATE);
        Result result = load(accounts, merchant, SECONDS);

        HttpResponse<String> bulk = http.send(HttpRequest.newBuilder(base.resolve("/api/generator/bulk"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":" + BULK_ROWS + ",\"seed\":2026}")).build(),
                HttpResponse.BodyHandlers.ofString());

        Histogram latencies = result.latencies();
        System.out.printf(Locale.ROOT, """

                POST /api/transactions  (open loop, target %.0f req/s, %d s, loopback)
                  requests        %d ok, %d failed
                  throughput      %.0f req/s
                  latency p50     %.1f ms
                  latency p95     %.1f ms
                  latency p99     %.1f ms
                  latency max     %.1f ms
                bulk mode (POST /api/generator/bulk, COPY)
                  %s
                %n""",
                RATE, SECONDS, result.ok(), result.failed(), result.ok() / result.seconds(),
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(95) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6, bulk.body());
    }

    private record Result(long ok, long failed, double seconds, Histogram latencies) {
    }

    private Result load(List<String> accounts, String merchant, int seconds) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        long total = (long) (RATE * seconds);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + (long) (i * 1e9 / RATE);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            String amount = ThreadLocalRandom.current().nextInt(1, 100_000) + "." + ThreadLocalRandom.current().nextInt(10, 99);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/transactions"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + System.nanoTime() + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\":\"" + account + "\",\"merchantId\":\"" + merchant
                            + "\",\"type\":\"CARD_PAYMENT\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"channel\":\"POS\",\"country\":\"DE\"}"))
                    .build();
            slots.acquire();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                slots.release();
                recorder.recordValue(System.nanoTime() - scheduled);
                if (error == null && response.statusCode() == 201) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, recorder.getIntervalHistogram());
    }

    private String create(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }
}
