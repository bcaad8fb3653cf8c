package org.casedesk.deadline;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the working-day calendar into the engine: the directory for new years' schedules comes from configuration. */
@Configuration
class DeadlineConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${casedesk.deadline.holiday-directory:#{null}}") Path holidayDirectory) {
        return new WorkingDayCalendar(holidayDirectory);
    }

    @Bean
    DeadlinePlugin deadlinePlugin(WorkingDayCalendar calendar) {
        return new DeadlinePlugin(calendar);
    }
}
