package org.cdcpipeline.writer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.QuarkusApplication;
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
 * slowing the client down (no coordinated omission). The client is Vert.x's on one event loop: on a 2-core machine the
 * load client shares the CPU with the writer and PostgreSQL, and a lighter client leaves more of it to what is measured.
 */
public final class WriterBenchmark {

    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "1000"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup-seconds", 60);
    private static final int WARM_UP_WINDOW_SECONDS = 10;
    private static final long BULK_ROWS = Long.getLong("bench.bulk-rows", 1_000_000);
    /** Bounds the client's open connections; a request that waits for one still counts from its scheduled start. */
    private static final int MAX_IN_FLIGHT = Integer.getInteger("bench.max-in-flight", 256);
    /** The writer's JVM options; add e.g. {@code -XX:StartFlightRecording=filename=writer.jfr} to profile it. */
    private static final String WRITER_JVM_OPTIONS = System.getProperty("bench.writer-jvm-options", "-Xms512m -Xmx512m -XX:+UseParallelGC");
    private static final String ADMIN_PASSWORD = "bench-admin";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http;
    /** The client's event loop: every request is sent from it, as Vert.x expects, not from the pacing thread. */
    private final Context eventLoop;

    private WriterBenchmark(Vertx vertx, HttpClient http) {
        this.http = http;
        this.eventLoop = vertx.getOrCreateContext();
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs this in its own class loader, where DriverManager's service-loader scan does not look.
        Class.forName("org.postgresql.Driver");
        Path moduleDirectory = Path.of(System.getProperty("bench.module-dir", "."));
        QuarkusApplication application = new QuarkusApplication(moduleDirectory.resolve("target/quarkus-app"));
        if (!application.isBuilt()) {
            throw new IllegalStateException(application.runnerJar() + " is missing: build the service first (the benchmark profile runs after package)");
        }
        Path state = Files.createTempDirectory(moduleDirectory.resolve("target"), "bench-");
        try (PostgresServer postgres = PostgresServer.start(PostgresSettings.of(state.resolve("postgres"), Ports.findFree(), "postgres", ADMIN_PASSWORD)
                .withServerSettings(PostgresSettings.WAL_TUNING))) {
            postgres.createDatabaseIfMissing("bank");
            int port = Ports.findFree();
            Process writer = startWriter(application, postgres.jdbcUrl("bank"), port, state.resolve("writer.log"));
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try {
                WriterBenchmark benchmark = new WriterBenchmark(vertx, vertx.createHttpClient(
                        new HttpClientOptions().setDefaultHost(Ports.LOOPBACK).setDefaultPort(port).setConnectTimeout(5_000),
                        new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT)));
                benchmark.awaitReady(writer);
                benchmark.run(writer.toHandle(), postgres.process());
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().join();
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

    private static Process startWriter(QuarkusApplication application, String jdbcUrl, int port, Path log) throws IOException {
        List<String> jvmOptions = Arrays.stream(WRITER_JVM_OPTIONS.split("\\s+")).filter(option -> !option.isEmpty()).toList();
        ProcessBuilder builder = application.processBuilder(jvmOptions, warning -> System.out.println("note: " + warning))
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
                if (await(send(HttpMethod.GET, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(), null)).status() == 200) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The writer did not become ready within 120 s");
    }

    private void run(ProcessHandle writer, ProcessHandle postgres) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(create("/api/accounts", "{\"ownerName\":\"Bench " + i + "\",\"iban\":\"" + Iban.random(CountryCode.DE)
                    + "\",\"homeCountry\":\"DE\",\"currency\":\"EUR\"}"));
        }
        String merchant = create("/api/merchants", "{\"name\":\"Bench Shop\",\"category\":\"GROCERY\",\"country\":\"DE\"}");
        CpuMeter cpu = new CpuMeter(writer, postgres);

        // The writer's JIT compiler takes about a minute of this load to finish on two cores; until then it competes
        // for the CPU with the requests it speeds up. Each window's line shows the writer's cost per request settle.
        System.out.printf(Locale.ROOT, "warm-up: %d s at %.0f req/s%n", WARM_UP_SECONDS, RATE);
        for (int done = 0; done < WARM_UP_SECONDS; done += WARM_UP_WINDOW_SECONDS) {
            int window = Math.min(WARM_UP_WINDOW_SECONDS, WARM_UP_SECONDS - done);
            CpuTimes before = cpu.read();
            Result result = load(accounts, merchant, window);
            CpuTimes used = cpu.read().minus(before);
            System.out.printf(Locale.ROOT, "  %3d s  p99 %6.1f ms  CPU per request %.2f ms writer, %.2f ms PostgreSQL%n",
                    done + window, result.latencies().getValueAtPercentile(99) / 1e6,
                    used.writerMs() / result.requests(), used.postgresMs() / result.requests());
        }
        System.out.printf(Locale.ROOT, "measuring: %d s at %.0f req/s%n", SECONDS, RATE);
        CpuTimes before = cpu.read();
        Result result = load(accounts, merchant, SECONDS);
        CpuTimes used = cpu.read().minus(before);

        Answer bulk = await(send(HttpMethod.POST, "/api/generator/bulk", json(), "{\"count\":" + BULK_ROWS + ",\"seed\":2026}"));

        Histogram latencies = result.latencies();
        System.out.printf(Locale.ROOT, """

                POST /api/transactions  (open loop, target %.0f req/s, %d s after a %d s warm-up, loopback)
                  requests        %d ok, %d failed
                  throughput      %.0f req/s
                  CPU per request %.2f ms writer, %.2f ms PostgreSQL, %.2f ms load client (%.2f, %.2f and %.2f cores)
                  latency p50     %.1f ms
                  latency p95     %.1f ms
                  latency p99     %.1f ms
                  latency max     %.1f ms
                bulk mode (POST /api/generator/bulk, COPY)
                  %s
                %n""",
                RATE, SECONDS, WARM_UP_SECONDS, result.ok(), result.failed(), result.ok() / result.seconds(),
                used.writerMs() / result.requests(), used.postgresMs() / result.requests(), used.clientMs() / result.requests(),
                used.writerMs() / 1e3 / result.seconds(), used.postgresMs() / 1e3 / result.seconds(), used.clientMs() / 1e3 / result.seconds(),
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(95) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6, bulk.body());
    }

    private record Result(long ok, long failed, double seconds, Histogram latencies) {
        long requests() {
            return ok + failed;
        }
    }

    private Result load(List<String> accounts, String merchant, int seconds) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = (long) (RATE * seconds);
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + (long) (i * 1e9 / RATE);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            String amount = ThreadLocalRandom.current().nextInt(1, 100_000) + "." + ThreadLocalRandom.current().nextInt(10, 99);
            MultiMap headers = json().add("Idempotency-Key", "bench-" + System.nanoTime() + "-" + i);
            String body = "{\"accountId\":\"" + account + "\",\"merchantId\":\"" + merchant
                    + "\",\"type\":\"CARD_PAYMENT\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"channel\":\"POS\",\"country\":\"DE\"}";
            eventLoop.runOnContext(ignored -> send(HttpMethod.POST, "/api/transactions", headers, body).onComplete(answer -> {
                recorder.recordValue(System.nanoTime() - scheduled);
                (answer.succeeded() && answer.result().status() == 201 ? ok : failed).incrementAndGet();
                answered.countDown();
            }));
        }
        if (!answered.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(answered.getCount() + " requests still unanswered two minutes after the last one left");
        }
        return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, recorder.getIntervalHistogram());
    }

    /** CPU time used so far, in ms: the figures that stay meaningful when the machine is busy with other work. */
    private record CpuTimes(double writerMs, double postgresMs, double clientMs) {
        CpuTimes minus(CpuTimes earlier) {
            return new CpuTimes(writerMs - earlier.writerMs, postgresMs - earlier.postgresMs, clientMs - earlier.clientMs);
        }
    }

    /**
     * Reads the CPU time of the writer, of PostgreSQL (its main process and the live backends: the writer's pooled
     * connections stay open for the whole run) and of this process, the load client.
     */
    private record CpuMeter(ProcessHandle writer, ProcessHandle postgres) {
        CpuTimes read() {
            double postgresMs = Stream.concat(Stream.of(postgres), postgres.descendants()).mapToDouble(CpuMeter::cpuMs).sum();
            return new CpuTimes(cpuMs(writer), postgresMs, cpuMs(ProcessHandle.current()));
        }

        /** Zero for a process that ended between being listed and being read (a backend whose connection closed). */
        private static double cpuMs(ProcessHandle process) {
            return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6).orElse(0.0);
        }
    }

    private record Answer(int status, String body) {
    }

    private Future<Answer> send(HttpMethod method, String path, MultiMap headers, String body) {
        return http.request(new RequestOptions().setMethod(method).setURI(path).setHeaders(headers))
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(content -> new Answer(response.statusCode(), content.toString())));
    }

    private static Answer await(Future<Answer> answer) throws Exception {
        return answer.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }

    private static MultiMap json() {
        return MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    }

    private String create(String path, String body) throws Exception {
        Answer answer = await(send(HttpMethod.POST, path, json(), body));
        Matcher id = ID.matcher(answer.body());
        if (answer.status() != 201 || !id.find()) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return id.group(1);
    }
}
