package org.cdcpipeline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples the memory and CPU of each component's process tree from /proc while a scenario runs.
 * Memory is the proportional set size (PSS, from smaps_rollup): pages shared between processes, such as
 * PostgreSQL's shared buffers mapped by every backend, are split among them instead of counted once per process,
 * so the sum over a tree is what the tree really costs. CPU is user + system time, including reaped children.
 */
public final class ProcessSampler implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Map<String, Long> roots;
    private final Map<String, Long> peakPssKb = new LinkedHashMap<>();
    private final Map<String, Long> startTicks;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "process-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** One component's figures over the sampled window. */
    public record Usage(double peakMb, double cpuCores, double cpuSeconds) {
    }

    /** @param roots the root process of each component by name (its descendants are counted with it) */
    public ProcessSampler(Map<String, Long> roots) {
        this.roots = roots;
        this.startTicks = cpuTicks();
        roots.keySet().forEach(name -> peakPssKb.put(name, 0L));
        timer.scheduleAtFixedRate(this::sampleMemory, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** Stops sampling; returns each component's peak memory and average CPU (in cores) over the window. */
    public synchronized Map<String, Usage> finish() {
        timer.shutdownNow();
        sampleMemory();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> endTicks = cpuTicks();
        Map<String, Usage> usage = new LinkedHashMap<>();
        roots.keySet().forEach(name -> {
            double cpuSeconds = (endTicks.get(name) - startTicks.get(name)) / (double) CLOCK_TICKS_PER_SECOND;
            usage.put(name, new Usage(peakPssKb.get(name) / 1024.0, cpuSeconds / seconds, cpuSeconds));
        });
        return usage;
    }

    private synchronized void sampleMemory() {
        Map<Long, List<Long>> children = childrenByParent();
        roots.forEach((name, root) -> {
            long total = tree(root, children).stream().mapToLong(ProcessSampler::pssKb).sum();
            peakPssKb.merge(name, total, Math::max);
        });
    }

    private Map<String, Long> cpuTicks() {
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, Long> ticks = new HashMap<>();
        roots.forEach((name, root) -> ticks.put(name, tree(root, children).stream()
                .mapToLong(pid -> cpuTicks(pid, pid.equals(root))).sum()));
        return ticks;
    }

    /** The root and its descendants, except the other components' trees (the driver starts the broker and Connect). */
    private List<Long> tree(long root, Map<Long, List<Long>> children) {
        List<Long> pids = new ArrayList<>(List.of(root));
        for (int i = 0; i < pids.size(); i++) {
            children.getOrDefault(pids.get(i), List.of()).stream().filter(child -> !roots.containsValue(child)).forEach(pids::add);
        }
        return pids;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit)).forEach(pid -> {
                String[] stat = statFields(Long.parseLong(pid));
                if (stat.length > 1) {
                    children.computeIfAbsent(Long.parseLong(stat[1]), parent -> new ArrayList<>()).add(Long.parseLong(pid));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return children;
    }

    /** The fields of /proc/PID/stat after the command name; index 0 is the state, 1 the parent, 11/12 utime/stime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return new String[0];
        }
    }

    private static long cpuTicks(long pid, boolean withReapedChildren) {
        String[] stat = statFields(pid);
        if (stat.length < 15) {
            return 0;
        }
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    private static long pssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
