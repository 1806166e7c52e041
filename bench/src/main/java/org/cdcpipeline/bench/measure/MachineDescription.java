package org.cdcpipeline.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on; printed and stored with every result. */
public record MachineDescription(int cores, double memoryGiB, String cpuModel, String jdk, String os, String loadAverageAtStart) {

    public static MachineDescription current() {
        return new MachineDescription(
                Runtime.getRuntime().availableProcessors(),
                memTotalKb() / 1024.0 / 1024.0,
                procLine("/proc/cpuinfo", "model name"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was besides the benchmark. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotalKb() {
        String line = procLine("/proc/meminfo", "MemTotal");
        return line.isEmpty() ? 0 : Long.parseLong(line.replaceAll("\\D", ""));
    }

    private static String procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
