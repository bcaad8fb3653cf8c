package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's HTML and text, without a database: what comes from consumers is escaped, the charts are placed. */
class ReportDocumentTests {

    @Test
    void aRespondentNamedLikeMarkupIsShownAsTextNotRun() {
        String html = ReportDocument.html(SampleReports.week("<img src=x onerror=alert(1)>某店&\"A\""),
                chart -> "cid:" + chart.fileName);

        assertThat(html).contains("<td style=\"border:1px solid #ccd3dc;padding:4px 8px;\">"
                        + "&lt;img src=x onerror=alert(1)&gt;某店&amp;&quot;A&quot;</td>")
                .doesNotContain("<img src=x");
    }

    @Test
    void eachChartIsShownFromTheSourceTheCallerGives() {
        String html = ReportDocument.html(SampleReports.week("某健身房"), chart -> "data:image/png;base64," + chart.name());

        assertThat(html).contains("<img src=\"data:image/png;base64,VOLUME_TREND\" alt=\"受理量趋势\" width=\"720\"")
                .contains("src=\"data:image/png;base64,BY_CATEGORY\"").contains("src=\"data:image/png;base64,BY_UNIT\"")
                .contains("src=\"data:image/png;base64,OVERDUE_BY_UNIT\"").contains("src=\"data:image/png;base64,HOTSPOTS\"")
                .doesNotContain("<script");
    }

    @Test
    void theSubjectAndTheTextGiveTheKeyFigures() {
        PeriodicReport week = SampleReports.week("某健身房");

        assertThat(ReportDocument.subject(week)).isEqualTo("【周有快报】2026-11-16 至 2026-11-22：受理 42 件，办结 35 件，热点 2 个");
        assertThat(ReportDocument.text(week)).startsWith("""
                12315 周有快报 2026-11-16 至 2026-11-22
                统计期间：2026-11-16 至 2026-11-22（北京时间）

                总体情况
                  受理量 42（上期 33）  登记量 40  不予受理量 2  分送量 30  办结量 35
                """).contains("""
                各承办单位（分送 / 办结 / 新超期步骤）
                  黄浦区市场监督管理局  12 / 10 / 3
                """).contains("  被投诉人：某健身房  本周 6 件，基线周均 0.00\n");
    }

    @Test
    void ratesAreShownAsPercentToOnePlace() {
        assertThat(ReportDocument.percent(Kpis.rate(1, 7))).isEqualTo("14.3%");
        assertThat(ReportDocument.percent(Kpis.rate(1, 1))).isEqualTo("100.0%");
        assertThat(ReportDocument.percent(null)).isEqualTo("—");
    }
}
