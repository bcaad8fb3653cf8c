package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.casedesk.registration.RegistrationLists;
import org.casedesk.reporting.ReportCharts.Chart;
import org.junit.jupiter.api.Test;

/** A chart alone asks only the queries whose figures it draws, with the queries stood in for. */
class PeriodicReportsTests {

    final KpiQueries kpis = mock(KpiQueries.class);
    final ReceivedPerDay receivedPerDay = mock(ReceivedPerDay.class);
    final Hotspots hotspots = mock(Hotspots.class);
    final WatchList watchList = mock(WatchList.class);
    final PeriodicReports reports = new PeriodicReports(kpis, receivedPerDay, hotspots, watchList,
            mock(RegistrationLists.class));

    @Test
    void theVolumeTrendCountsOnlyTheCasesReceivedPerDay() {
        when(receivedPerDay.count(any(), any())).thenReturn(Map.of());

        assertThat(reports.chart(SampleReports.WEEK, Chart.VOLUME_TREND)).isNotEmpty();

        verifyNoInteractions(kpis, hotspots, watchList);
    }

    @Test
    void theHotspotsChartAsksOnlyForTheHotspotsOfTheWeek() {
        when(hotspots.of(SampleReports.WEEK.from()))
                .thenReturn(new Hotspots.Report(SampleReports.WEEK.from(), 5, new BigDecimal("2.0"), 8, List.of()));

        assertThat(reports.chart(SampleReports.WEEK, Chart.HOTSPOTS)).isNotEmpty();

        verify(hotspots).of(SampleReports.WEEK.from());
        verifyNoInteractions(kpis, receivedPerDay, watchList);
    }
}
