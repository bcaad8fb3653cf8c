package org.casedesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casedesk.casefile.CentreTime;
import org.casedesk.reporting.ReportCharts.Chart;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a {@link PeriodicReport} as one HTML document in Chinese that a mail client shows as it is — inline styles,
 * tables, no scripts — with each chart beside the figures it draws, and as plain text for mail clients without HTML.
 * Where an image comes from is the caller's: {@code cid:} parts in the mail, {@code data:} URIs in a download. Every
 * text from the database is escaped: category and respondent names come from consumers.
 */
final class ReportDocument {

    private static final String TABLE = "border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px;";
    private static final String TH = "border:1px solid #ccd3dc;background:#eef2f7;padding:4px 8px;text-align:left;";
    private static final String TD = "border:1px solid #ccd3dc;padding:4px 8px;";
    private static final String NUMBER = TD + "text-align:right;";
    private static final String H2 = "font-size:17px;margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #2f6fb0;";
    private static final String MUTED = "color:#666;font-size:12px;";

    private ReportDocument() {
    }

    /** 【周有快报】2026-11-16 至 2026-11-22：受理 12 件，办结 9 件，热点 2 个 */
    static String subject(PeriodicReport report) {
        return "【" + report.period().kind().title + "】" + report.period().label() + "：受理 " + report.all().received()
                + " 件，办结 " + report.all().concluded() + " 件，热点 " + report.hotspots().hotspots().size() + " 个";
    }

    /** @param imageSource the {@code src} of each chart's image */
    static String html(PeriodicReport report, Function<Chart, String> imageSource) {
        ReportPeriod period = report.period();
        Kpis.Group all = report.all();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(title(report))).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:16px;background:#f4f5f7;color:#222;font-size:14px;line-height:1.5;")
                .append("font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;\">\n")
                .append("<div style=\"max-width:760px;margin:0 auto;background:#fff;padding:20px 24px;\">\n")
                .append("<h1 style=\"font-size:22px;margin:0 0 4px;\">12315 消费者投诉举报中心 · ")
                .append(esc(period.kind().title)).append("</h1>\n")
                .append("<p style=\"").append(MUTED).append("margin:0 0 12px;\">统计期间：")
                .append(esc(period.from() + " 至 " + period.to())).append("（北京时间，含首尾两日）；生成于 ")
                .append(esc(CentreTime.MINUTES.format(report.generatedAt()))).append("</p>\n");

        html.append(h2("一、总体情况"));
        PeriodicReport.Volume volume = report.volume();
        html.append(table(List.of("指标", "本期", "说明"), List.of(
                List.of("受理量", String.valueOf(all.received()), "上期 " + volume.previousTotal() + " 件，"
                        + change(volume.currentTotal(), volume.previousTotal())),
                List.of("登记量", String.valueOf(all.registered()), ""),
                List.of("不予受理量", String.valueOf(all.notAccepted()),
                        "登记时不予受理及承办单位不予受理（其中承办单位 " + all.notAcceptedByUnit() + " 件）"),
                List.of("分送量", String.valueOf(all.forwarded()), "分送至承办单位"),
                List.of("办结量", String.valueOf(all.concluded()), ""),
                List.of("即时办结量", String.valueOf(all.instantlyCompleted()),
                        "即时办结率 " + percent(all.instantCompletionRate()) + "（受理当日办结）"),
                List.of("回访量", String.valueOf(all.revisited()), "联系上消费者的回访"),
                List.of("满意量", String.valueOf(all.satisfied()), "满意率 " + percent(all.satisfactionRate())
                        + "（非常满意、满意 / 回访量）"),
                List.of("重复来电量", String.valueOf(all.repeatCalls()), ""),
                List.of("不满意案件量", String.valueOf(all.dissatisfiedCases()), "办结案件中曾回访不满意的")), 1, 2));

        html.append(h2("二、受理量趋势")).append(image(Chart.VOLUME_TREND, imageSource))
                .append(paragraph("本期受理 " + volume.currentTotal() + " 件，上期（" + period.previous().from() + " 至 "
                        + period.previous().to() + "）" + volume.previousTotal() + " 件，"
                        + change(volume.currentTotal(), volume.previousTotal()) + "。"));

        html.append(h2("三、各环节按时完成情况"));
        List<List<String>> steps = all.steps().stream().filter(step -> step.finished() > 0 || step.overdue() > 0)
                .map(step -> List.of(step.name(), String.valueOf(step.finished()), String.valueOf(step.onTime()),
                        percent(step.onTimeRate()), String.valueOf(step.overdue()),
                        step.medianWorkingDays() == null ? "—" : String.valueOf(step.medianWorkingDays())))
                .toList();
        html.append(steps.isEmpty() ? paragraph("本期没有完成或超期的环节。")
                : table(List.of("环节", "完成量", "按时完成量", "按时率", "新超期", "用时中位数（工作日）"), steps, 1, 6));

        html.append(h2("四、按类别受理量")).append(image(Chart.BY_CATEGORY, imageSource));
        html.append(report.categories().isEmpty() ? paragraph("本期没有受理案件。")
                : table(List.of("类别", "受理量", "占比"), report.categories().stream()
                        .map(category -> List.of(category.label(), String.valueOf(category.count()),
                                percent(Kpis.rate(category.count(), all.received()))))
                        .toList(), 1, 3));

        html.append(h2("五、按承办单位")).append(image(Chart.BY_UNIT, imageSource));
        html.append(report.units().isEmpty() ? paragraph("本期没有分送、办结或超期的案件。")
                : table(List.of("承办单位", "分送量", "办结量", "即时办结率", "满意率", "新超期步骤"), report.units().stream()
                        .map(unit -> List.of(unit.name(), String.valueOf(unit.figures().forwarded()),
                                String.valueOf(unit.figures().concluded()),
                                percent(unit.figures().instantCompletionRate()),
                                percent(unit.figures().satisfactionRate()), String.valueOf(unit.overdue())))
                        .toList(), 1, 6));

        html.append(h2("六、各承办单位超期情况")).append(image(Chart.OVERDUE_BY_UNIT, imageSource));
        List<List<String>> overdue = report.units().stream().filter(unit -> unit.overdue() > 0)
                .map(unit -> List.of(unit.name(), String.valueOf(unit.overdue()), unit.overdueSteps().stream()
                        .map(step -> step.label() + " " + step.count()).collect(Collectors.joining("、"))))
                .toList();
        html.append(overdue.isEmpty() ? paragraph("本期没有新超期的步骤。")
                : table(List.of("承办单位", "新超期步骤", "其中"), overdue, 1, 2))
                .append(paragraph("新超期步骤：期限在本期内届满、由定时器标为超期的办理步骤，不论其后是否办完。"));

        Hotspots.Report hotspots = report.hotspots();
        LocalDate week = hotspots.week();
        html.append(h2("七、热点预警（" + week + " 至 " + week.plusDays(6) + "）"))
                .append(image(Chart.HOTSPOTS, imageSource));
        html.append(hotspots.hotspots().isEmpty() ? paragraph("本周没有热点。")
                : table(List.of("类型", "名称", "本周投诉", "基线周均", "倍数"), hotspots.hotspots().stream()
                        .map(hotspot -> List.of(PeriodicReport.dimension(hotspot.dimension()), hotspot.label(),
                                String.valueOf(hotspot.thisWeek()), hotspot.baselineMean().toPlainString(),
                                hotspot.ratio() == null ? "新出现" : hotspot.ratio().toPlainString()))
                        .toList(), 2, 5))
                .append(paragraph("规则：本周投诉不少于 " + hotspots.minimumCount() + " 件，且不少于此前 "
                        + hotspots.baselineWeeks() + " 周周均的 " + hotspots.ratio().stripTrailingZeros().toPlainString()
                        + " 倍。类别、被投诉人、平台分别统计。"));

        WatchList.Report watchList = report.watchList();
        html.append(h2("八、重点关注"));
        List<String> watchHeader = new ArrayList<>(List.of("关注事项"));
        watchList.weeks().forEach(monday -> watchHeader.add(monday.getMonthValue() + "/" + monday.getDayOfMonth() + " 周"));
        watchHeader.add("合计");
        html.append(table(watchHeader, watchList.topics().stream().map(topic -> {
            List<String> row = new ArrayList<>(List.of(topic.topic()));
            topic.complaints().forEach(complaints -> row.add(String.valueOf(complaints)));
            row.add(String.valueOf(topic.total()));
            return row;
        }).toList(), 1, watchHeader.size())).append(paragraph("每周投诉量，" + watchList.from() + " 至 " + watchList.to() + "。"));

        html.append("<p style=\"").append(MUTED).append("margin-top:24px;\">")
                .append("本报告由系统自动生成。各项数字按北京时间统计，定义见系统说明（README“Reports”）；")
                .append("投诉量指已登记的投诉，不含咨询、建议、举报和并案的重复来电。</p>\n")
                .append("</div>\n</body></html>\n");
        return html.toString();
    }

    /** The plain-text alternative: the key figures, the units and the hotspots, without the charts. */
    static String text(PeriodicReport report) {
        Kpis.Group all = report.all();
        StringBuilder text = new StringBuilder();
        text.append(title(report)).append("\n统计期间：").append(report.period().from()).append(" 至 ")
                .append(report.period().to()).append("（北京时间）\n\n");
        text.append("总体情况\n")
                .append("  受理量 ").append(all.received()).append("（上期 ").append(report.volume().previousTotal())
                .append("）  登记量 ").append(all.registered()).append("  不予受理量 ").append(all.notAccepted())
                .append("  分送量 ").append(all.forwarded()).append("  办结量 ").append(all.concluded()).append('\n')
                .append("  即时办结 ").append(all.instantlyCompleted()).append("（").append(percent(all.instantCompletionRate()))
                .append("）  回访量 ").append(all.revisited()).append("  满意率 ").append(percent(all.satisfactionRate()))
                .append("  重复来电 ").append(all.repeatCalls()).append("  不满意案件 ").append(all.dissatisfiedCases())
                .append("\n\n各承办单位（分送 / 办结 / 新超期步骤）\n");
        report.units().forEach(unit -> text.append("  ").append(unit.name()).append("  ")
                .append(unit.figures().forwarded()).append(" / ").append(unit.figures().concluded()).append(" / ")
                .append(unit.overdue()).append('\n'));
        if (report.units().isEmpty()) {
            text.append("  无\n");
        }
        text.append("\n热点预警（").append(report.hotspots().week()).append(" 起的一周）\n");
        report.hotspots().hotspots().forEach(hotspot -> text.append("  ").append(PeriodicReport.dimension(hotspot.dimension()))
                .append("：").append(hotspot.label()).append("  本周 ").append(hotspot.thisWeek()).append(" 件，基线周均 ")
                .append(hotspot.baselineMean().toPlainString()).append('\n'));
        if (report.hotspots().hotspots().isEmpty()) {
            text.append("  无\n");
        }
        return text.append("\n图表见本邮件的 HTML 版本。\n\n12315 消费者投诉举报中心\n（本邮件由系统自动发送，请勿直接回复）\n")
                .toString();
    }

    /** 周有快报 2026-11-16 至 2026-11-22 */
    static String title(PeriodicReport report) {
        return "12315 " + report.period().kind().title + " " + report.period().label();
    }

    private static String image(Chart chart, Function<Chart, String> imageSource) {
        return "<img src=\"" + esc(imageSource.apply(chart)) + "\" alt=\"" + esc(chart.title) + "\" width=\""
                + ReportCharts.WIDTH + "\" style=\"display:block;max-width:100%;height:auto;border:0;margin:4px 0;\">\n";
    }

    /** A table; the columns from {@code firstNumber} up to, not including, {@code endNumber} are figures. */
    private static String table(List<String> header, List<List<String>> rows, int firstNumber, int endNumber) {
        StringBuilder table = new StringBuilder("<table style=\"" + TABLE + "\"><thead><tr>");
        header.forEach(cell -> table.append("<th style=\"").append(TH).append("\">").append(esc(cell)).append("</th>"));
        table.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            table.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                table.append("<td style=\"").append(i >= firstNumber && i < endNumber ? NUMBER : TD).append("\">")
                        .append(esc(row.get(i))).append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</tbody></table>\n").toString();
    }

    private static String h2(String text) {
        return "<h2 style=\"" + H2 + "\">" + esc(text) + "</h2>\n";
    }

    private static String paragraph(String text) {
        return "<p style=\"margin:4px 0 12px;\">" + esc(text) + "</p>\n";
    }

    /** 0.1429 → 14.3%; none to count → —. */
    static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 环比 +20.0%, 环比 −10.0%, or 无环比 when the period before had none. */
    private static String change(long current, long previous) {
        if (previous == 0) {
            return "无环比";
        }
        BigDecimal change = BigDecimal.valueOf(current - previous).movePointRight(2)
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
        return "环比 " + (change.signum() > 0 ? "+" : "") + change.toPlainString() + "%";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
