package org.cdcpipeline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency percentiles against the offered rate, as a PNG: commit → Kafka consumer for the tuned (solid) and the stock
 * (dashed) connector, and commit → notifier decision and → Slack post (dotted) where the notifier scenarios ran.
 */
public final class LatencyChart {

    public static final String FILE_NAME = "latency-vs-rate.png";

    private static final List<Percentile> PERCENTILES = List.of(
            new Percentile("p50", Results.Steady::p50Ms, new Color(0x1b9e77)),
            new Percentile("p95", Results.Steady::p95Ms, new Color(0x7570b3)),
            new Percentile("p99", Results.Steady::p99Ms, new Color(0xd95f02)),
            new Percentile("max", Results.Steady::maxMs, new Color(0x666666)));

    private static final List<NotifierPercentile> NOTIFIER_PERCENTILES = List.of(
            new NotifierPercentile("notifier decision p50", run -> run.decision().p50Ms(), new Color(0x66a61e)),
            new NotifierPercentile("notifier decision p99", run -> run.decision().p99Ms(), new Color(0xe7298a)),
            new NotifierPercentile("Slack post p50", run -> run.slack().p50Ms(), new Color(0xa6761d)),
            new NotifierPercentile("Slack post p99", run -> run.slack().p99Ms(), new Color(0xe6ab02)));

    private record Percentile(String name, ToDoubleFunction<Results.Steady> value, Color color) {
    }

    private record NotifierPercentile(String name, ToDoubleFunction<Results.NotifierLatency> value, Color color) {
    }

    private LatencyChart() {
    }

    public static Path write(Results results, Path directory) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (String connector : List.of("tuned", "stock")) {
            for (Percentile percentile : PERCENTILES) {
                XYSeries series = new XYSeries(connector + " " + percentile.name());
                results.steady().stream().filter(s -> s.connector().equals(connector))
                        .forEach(s -> series.add(s.offeredPerSecond(), Math.max(0.1, percentile.value().applyAsDouble(s))));
                if (series.isEmpty()) {
                    continue;   // the pipeline scenarios did not run
                }
                int index = data.getSeriesCount();
                data.addSeries(series);
                renderer.setSeriesPaint(index, percentile.color());
                renderer.setSeriesShapesFilled(index, connector.equals("tuned"));
                renderer.setSeriesStroke(index, connector.equals("tuned") ? new BasicStroke(2.5f)
                        : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            }
        }
        if (results.notifier() != null) {
            for (NotifierPercentile percentile : NOTIFIER_PERCENTILES) {
                XYSeries series = new XYSeries(percentile.name());
                results.notifier().latency().forEach(run -> series.add(run.offeredPerSecond(), Math.max(0.1, percentile.value().applyAsDouble(run))));
                int index = data.getSeriesCount();
                data.addSeries(series);
                renderer.setSeriesPaint(index, percentile.color());
                renderer.setSeriesStroke(index, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1f, 4f}, 0f));
            }
        }
        NumberAxis rate = new NumberAxis("offered rate (commits/s, one row each)");
        LogAxis latency = new LogAxis("latency from commit (ms, log scale)");
        latency.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        latency.setTickUnit(new NumberTickUnit(1));   // one labelled tick per decade: 1, 10, 100, 1,000 ms
        latency.setMinorTickCount(9);
        latency.setMinorTickMarksVisible(true);
        XYPlot plot = new XYPlot(data, rate, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        var machine = results.machine();
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "CDC pipeline latency — %d cores, %s, Debezium %s", machine.cores(),
                machine.cpuModel(), results.versions().get("debezium")), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%.1f GiB, %s, load average %s at start; to the Kafka consumer: tuned solid,"
                + " stock dashed; to the notifier's decision and the Slack post: dotted",
                machine.memoryGiB(), machine.jdk(), machine.loadAverageAtStart().split(" ")[0])));
        Path file = Files.createDirectories(directory).resolve(FILE_NAME);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 960, 600);
        return file;
    }
}
