package org.casedesk.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the report's charts on the server as PNG images with JFreeChart, so that a mail client shows them without
 * scripts or network access. Chinese labels need a font that has their glyphs: {@value #FONT_FAMILY}, from Debian's
 * {@code fonts-noto-cjk} (installed by the Dockerfile and {@code .ci/run}). Without it Java would draw empty boxes,
 * so drawing fails instead, naming the package. AWT runs headless: Spring Boot sets {@code java.awt.headless}, and
 * the build sets it for tests.
 */
final class ReportCharts {

    static final String FONT_FAMILY = "Noto Sans CJK SC";
    static final String FONT_PACKAGE = "fonts-noto-cjk";
    /**
     * Whether {@value #FONT_FAMILY} is installed, asked once: the system's font list is slow to read and does not
     * change while the application runs. {@link ReportFontHealthIndicator} shows it, so that a missing font is seen
     * at start rather than when Monday's mail fails.
     */
    static final boolean FONT_INSTALLED = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
            .getAvailableFontFamilyNames(Locale.ROOT)).contains(FONT_FAMILY);

    /** The charts of a report, by the name the API and the mail's images use. */
    enum Chart {
        VOLUME_TREND("volume-trend", "受理量趋势"),
        BY_CATEGORY("by-category", "按类别受理量"),
        BY_UNIT("by-unit", "各承办单位分送量与办结量"),
        OVERDUE_BY_UNIT("overdue-by-unit", "各承办单位新超期步骤"),
        HOTSPOTS("hotspots", "热点预警：本周与基线周均");

        final String fileName;
        final String title;

        Chart(String fileName, String title) {
            this.fileName = fileName;
            this.title = title;
        }

        /** {@code volume-trend} → {@link #VOLUME_TREND}; anything else is refused with the names there are. */
        static Chart named(String name) {
            return Arrays.stream(values()).filter(chart -> chart.fileName.equals(name)).findFirst()
                    .orElseThrow(() -> new ReportParameterException("name", name + " 不是图表，应为 "
                            + String.join("、", Arrays.stream(values()).map(chart -> chart.fileName).toList())));
        }
    }

    static final int WIDTH = 720;
    private static final Color CURRENT = new Color(0x2f6fb0);
    private static final Color SECOND = new Color(0xe08a2c);
    private static final Color GRID = new Color(0xdddddd);

    private ReportCharts() {
    }

    static byte[] png(Chart chart, PeriodicReport report) {
        DefaultCategoryDataset data = dataset(chart, report);
        String title = title(chart, report);
        JFreeChart drawn = switch (chart) {
            case VOLUME_TREND -> volumeTrend(title, data);
            case BY_CATEGORY -> horizontalBars(title, "受理量", data);
            case BY_UNIT -> horizontalBars(title, "件数", data);
            case OVERDUE_BY_UNIT -> horizontalBars(title, "超期步骤数", data);
            case HOTSPOTS -> horizontalBars(title, "投诉量（件/周）", data);
        };
        drawn.getCategoryPlot().setNoDataMessage(chart == Chart.HOTSPOTS ? "本周没有热点" : "本期无数据");
        int height = chart == Chart.VOLUME_TREND ? 340 : barsHeight(data.getColumnCount());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, drawn, WIDTH, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /**
     * What a chart draws: a series per row (本期 and 上期, 分送量 and 办结量, …), a line point or bar per column.
     * The height of a bar chart follows its columns, so that it fits the bars actually drawn.
     */
    static DefaultCategoryDataset dataset(Chart chart, PeriodicReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        switch (chart) {
            case VOLUME_TREND -> {
                PeriodicReport.Volume volume = report.volume();
                for (int i = 0; i < volume.labels().size(); i++) {
                    data.addValue(volume.current().get(i), "本期（共 " + volume.currentTotal() + " 件）",
                            volume.labels().get(i));
                    data.addValue(volume.previous().get(i), "上期（共 " + volume.previousTotal() + " 件）",
                            volume.labels().get(i));
                }
            }
            case BY_CATEGORY ->
                report.categories().forEach(count -> data.addValue(count.count(), "受理量", count.label()));
            case BY_UNIT -> report.units().forEach(unit -> {
                data.addValue(unit.figures().forwarded(), "分送量", column(unit));
                data.addValue(unit.figures().concluded(), "办结量", column(unit));
            });
            case OVERDUE_BY_UNIT -> report.units().stream().filter(unit -> unit.overdue() > 0)
                    .forEach(unit -> data.addValue(unit.overdue(), "超期步骤数", column(unit)));
            case HOTSPOTS -> report.hotspots().hotspots().forEach(hotspot -> {
                Column column = new Column(hotspot.dimension() + ":" + hotspot.name(),
                        PeriodicReport.dimension(hotspot.dimension()) + "：" + hotspot.label());
                data.addValue(hotspot.thisWeek(), "本周", column);
                data.addValue(hotspot.baselineMean(), "基线周均", column);
            });
        }
        return data;
    }

    /**
     * The font the charts are drawn in.
     *
     * @throws IllegalStateException when it is not installed: Java would substitute a font without Chinese glyphs
     */
    static Font font(int style, int size) {
        if (!FONT_INSTALLED) {
            throw new IllegalStateException("The report charts need the font " + FONT_FAMILY + " for their Chinese "
                    + "labels: install it (Debian/Ubuntu: apt-get install " + FONT_PACKAGE + ")");
        }
        return new Font(FONT_FAMILY, style, size);
    }

    /** This period's cases received per day (or per 7 days) as a line, and the period before as another. */
    private static JFreeChart volumeTrend(String title, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createLineChart(title, null, "受理量（件）", data, PlotOrientation.VERTICAL, true,
                false, false);
        theme().apply(chart);
        CategoryPlot plot = styled(chart);
        LineAndShapeRenderer lines = (LineAndShapeRenderer) plot.getRenderer();
        lines.setDefaultShapesVisible(true);
        lines.setSeriesPaint(0, CURRENT);
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, Color.GRAY);
        lines.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        if (data.getColumnCount() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    /**
     * A bar's place on the axis: told apart by its key, drawn with its label (the axis shows {@code toString()}), so
     * that two businesses or units with the same name keep a bar each rather than the dataset merging them.
     */
    record Column(String key, String label) implements Comparable<Column> {

        private static final Comparator<Column> ORDER = Comparator
                .comparing(Column::key, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Column::label);

        @Override
        public int compareTo(Column other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A unit by its code; the cases without a unit have none. */
    private static Column column(PeriodicReport.Unit unit) {
        return new Column(unit.figures().key(), unit.name());
    }

    /**
     * The chart's title with its period, so that a chart saved or shown alone (the dashboard) says what it covers:
     * {@code 按类别受理量（2026年11月）}; the hotspots name their week, which is not the whole period in a month.
     */
    static String title(Chart chart, PeriodicReport report) {
        String period = chart == Chart.HOTSPOTS ? report.hotspots().week() + " 当周" : report.period().label();
        return chart.title + "（" + period + "）";
    }

    /** Bars across, one series or two side by side (with a legend then). */
    private static JFreeChart horizontalBars(String title, String valueLabel, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.HORIZONTAL,
                data.getRowCount() > 1, false, false);
        theme().apply(chart);
        CategoryPlot plot = styled(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, CURRENT);
        renderer.setSeriesPaint(1, SECOND);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(font(Font.PLAIN, 12));
        // the counts below the bars, and room on the right for the largest bar's number
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.getRangeAxis().setUpperMargin(0.15);
        return chart;
    }

    private static CategoryPlot styled(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(font(Font.PLAIN, 16));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.setBackgroundPaint(Color.WHITE);
        return plot;
    }

    /** JFreeChart's theme with every text in the CJK font and flat bars. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(font(Font.BOLD, 18));
        theme.setLargeFont(font(Font.BOLD, 14));
        theme.setRegularFont(font(Font.PLAIN, 13));
        theme.setSmallFont(font(Font.PLAIN, 11));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static int barsHeight(int bars) {
        return Math.max(220, 110 + 34 * bars);
    }
}
