package org.casedesk.deadline;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Teaches the engine the {@link WorkingDayDeadline} notation: timers with {@code timeDuration} (Camunda's
 * "duration" calendar) and user tasks' {@code camunda:dueDate} / {@code camunda:followUpDate} and timers with
 * {@code timeDate} (its "dueDate" calendar) accept {@code 7WD}; everything else goes to Camunda's own
 * calendars unchanged. Timer expressions must yield this text, not a {@code Date}: a {@code Date} bypasses
 * every business calendar.
 */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;

    public WorkingDayCalendarPlugin(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = (MapBusinessCalendarManager) configuration.getBusinessCalendarManager();
        // Camunda's calendars route every variant of resolveDuedate to (String, Date), null meaning now.
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar() {
            @Override
            public Date resolveDuedate(String duedate, Date startDate) {
                return workingDays(duedate, startDate).orElseGet(() -> super.resolveDuedate(duedate, startDate));
            }
        });
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar() {
            @Override
            public Date resolveDuedate(String duedate, Date startDate) {
                return workingDays(duedate, startDate).orElseGet(() -> super.resolveDuedate(duedate, startDate));
            }
        });
    }

    private Optional<Date> workingDays(String duedate, Date startDate) {
        Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
        return WorkingDayDeadline.parse(duedate).map(deadline -> Date.from(deadline.from(start.toInstant(), calendar)));
    }
}
