package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Which failures of the report API are the caller's (400) and which are ours, without the application around it. */
class BulletinControllerTests {

    final PeriodicReports reports = mock(PeriodicReports.class);
    final MockMvc mvc;

    BulletinControllerTests() {
        CentreDays centreDays = mock(CentreDays.class);
        when(centreDays.range()).thenReturn(new CentreDays.Range(LocalDate.parse("2024-01-01"),
                LocalDate.parse("2027-12-31")));
        mvc = MockMvcBuilders.standaloneSetup(new BulletinController(reports, centreDays)).build();
    }

    @Test
    void anIllegalArgumentInsideTheReportIsNoBadRequest() {
        when(reports.chart(any(), any())).thenThrow(new IllegalArgumentException("Null 'key' argument."));

        assertThatThrownBy(() -> mvc.perform(get("/api/v1/reports/charts/by-unit.png?week=2026-11-16")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("Null 'key' argument.");
    }

    @Test
    void aMisspeltDownloadIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/reports/bulletin?week=2026-11-16&download=maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("download"))
                .andExpect(jsonPath("$.detail").value("download：maybe 应为 true 或 false"));
    }
}
