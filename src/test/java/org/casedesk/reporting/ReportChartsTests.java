package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.casedesk.reporting.ReportCharts.Chart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The charts as the server draws them, without a database. Each is also written to {@code target/report-charts/},
 * to look at.
 */
class ReportChartsTests {

    @Test
    void theChartsFontIsNotoSansCjkAndDrawsChinese() {
        Font font = ReportCharts.font(Font.PLAIN, 12);

        assertThat(font.getFamily()).isEqualTo("Noto Sans CJK SC");
        assertThat(font.canDisplayUpTo("投诉量受理登记分送办结热点预警黄浦区市场监督管理局预付卡消费")).isEqualTo(-1);
    }

    @Test
    void theFontsHealthIsUpWhereItIsInstalled() {
        assertThat(new ReportFontHealthIndicator().health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void withoutTheFontTheHealthIsDownNamingThePackageToInstall() {
        Health health = ReportFontHealthIndicator.health(false);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("fonts-noto-cjk");
        assertThat(health.getDetails()).containsEntry("font", "Noto Sans CJK SC");
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void everyChartIsAPngOfTheReportsWidth(Chart chart) throws IOException {
        byte[] png = ReportCharts.png(chart, SampleReports.week("某健身房"));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isBetween(220, 600);
        Path file = Path.of("target", "report-charts", chart.fileName + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
    }

    @ParameterizedTest
    @EnumSource(Chart.class)
    void aWeekWithoutCasesStillHasEveryChart(Chart chart) throws IOException {
        byte[] png = ReportCharts.png(chart, SampleReports.empty());

        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        Path file = Path.of("target", "report-charts", "empty-" + chart.fileName + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
    }

    @Test
    void theOverdueChartHasABarForEachUnitWithOverdueStepsAndIsAsHighAsThoseNeed() throws IOException {
        PeriodicReport week = SampleReports.week("某健身房");
        List<PeriodicReport.Unit> units = new ArrayList<>(week.units());
        for (int i = 1; i <= 6; i++) {
            units.add(new PeriodicReport.Unit("无超期单位" + i, week.units().get(1).figures(), List.of()));
        }
        PeriodicReport manyUnits = new PeriodicReport(week.period(), week.generatedAt(), week.all(), week.volume(),
                week.categories(), units, week.hotspots(), week.watchList());

        assertThat(ReportCharts.dataset(Chart.OVERDUE_BY_UNIT, manyUnits).getColumnKeys())
                .extracting(Object::toString).containsExactly("黄浦区市场监督管理局");
        byte[] png = ReportCharts.png(Chart.OVERDUE_BY_UNIT, manyUnits);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getHeight()).isEqualTo(220); // the least height, as for one bar; not that of nine
    }

    @Test
    void twoBusinessesWithTheSameNameHaveABarEach() {
        PeriodicReport week = SampleReports.week("某健身房");
        Hotspots.Hotspot sameName = new Hotspots.Hotspot(Hotspots.Dimension.RESPONDENT, "91310000MA1FL0002X", "某健身房",
                5, 0, new BigDecimal("0.00"), null);
        List<Hotspots.Hotspot> hotspots = new ArrayList<>(week.hotspots().hotspots());
        hotspots.add(sameName);
        Hotspots.Report twoGyms = new Hotspots.Report(week.hotspots().week(), 5, new BigDecimal("2.0"), 8, hotspots);
        PeriodicReport report = new PeriodicReport(week.period(), week.generatedAt(), week.all(), week.volume(),
                week.categories(), week.units(), twoGyms, week.watchList());

        DefaultCategoryDataset data = ReportCharts.dataset(Chart.HOTSPOTS, report);

        assertThat(data.getColumnKeys()).extracting(Object::toString)
                .containsExactly("类别：预付卡消费", "被投诉人：某健身房", "被投诉人：某健身房");
        assertThat(data.getValue("本周", data.getColumnKey(1)).longValue()).isEqualTo(6);
        assertThat(data.getValue("本周", data.getColumnKey(2)).longValue()).isEqualTo(5);
    }

    @Test
    void everyChartsTitleSaysWhatPeriodItCovers() {
        PeriodicReport week = SampleReports.week("某健身房");

        assertThat(ReportCharts.title(Chart.BY_UNIT, week)).isEqualTo("各承办单位分送量与办结量（2026-11-16 至 2026-11-22）");
        assertThat(ReportCharts.title(Chart.OVERDUE_BY_UNIT, week)).isEqualTo("各承办单位新超期步骤（2026-11-16 至 2026-11-22）");
        assertThat(ReportCharts.title(Chart.HOTSPOTS, week)).isEqualTo("热点预警：本周与基线周均（2026-11-16 当周）");
    }

    @Test
    void aChartIsNamedAsInItsUrl() {
        assertThat(Chart.named("overdue-by-unit")).isEqualTo(Chart.OVERDUE_BY_UNIT);
        assertThatThrownBy(() -> Chart.named("pie")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name：pie 不是图表，应为 volume-trend、by-category、by-unit、overdue-by-unit、hotspots");
    }
}
