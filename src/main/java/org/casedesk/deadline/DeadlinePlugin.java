package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.WORK_ORDER_DUE_AT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.casedesk.deadline.WorkOrderDeadline.StepTimers;

/**
 * Deadlines in the engine. First, it teaches the engine the {@link WorkingDayDeadline} notation: timers with {@code timeDuration} (Camunda's
 * "duration" calendar) and user tasks' {@code camunda:dueDate} / {@code camunda:followUpDate} and timers with
 * {@code timeDate} (its "dueDate" calendar) accept {@code 7WD}; everything else goes to Camunda's own
 * calendars unchanged. Timer expressions must yield this text, not a {@code Date}: a {@code Date} bypasses
 * every business calendar.
 * <p>
 * Second, every user task takes its due date from its deadline timer, so the BPMN says each deadline once: a
 * boundary timer whose id is {@code Timer_<Step>Due}, on the task or on a subprocess around it (see
 * {@link DeadlineTimers}). Tasklist then sorts and shows tasks by the legal deadline.
 * <p>
 * Third, a 12345 work order's own deadline bounds its case's timers when each step starts ({@link WorkOrderDeadline}),
 * and is the due date of the tasks that have no deadline timer.
 */
public class DeadlinePlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;

    public DeadlinePlugin(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseBoundaryTimerEventDefinition(Element timerDefinition, boolean interrupting,
                    ActivityImpl timer) {
                Element duration = timerDefinition.element("timeDuration");
                if (duration != null) {
                    checkLiteralDuration(timer.getId(), duration.getText().trim());
                }
                if (DeadlineTimers.isDueTimer(timer.getId())) {
                    // first, so that the step's own listeners and its task already see the stricter deadline
                    ((ActivityImpl) timer.getEventScope()).addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) step -> keepWorkOrderDeadline((ExecutionEntity) step), 0);
                }
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> DeadlineTimers.dueDateOf(task.getExecution())
                                .or(() -> workOrderDueDate(task.getExecution())).ifPresent(task::setDueDate));
            }
        });
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

    /**
     * A misspelt deadline fails the deployment, where the supervisor deploying from Modeler sees it, rather than
     * every case that reaches the step. Expressions ({@code ${...}}) can only be checked when they run.
     */
    static void checkLiteralDuration(String timerId, String value) {
        if (value.contains("{") || WorkingDayDeadline.parse(value).isPresent()) {
            return;
        }
        try {
            new DurationHelper(value);
        } catch (Exception notIso) {
            throw new ProcessEngineException("Timer " + timerId + ": '" + value + "' is neither a working-day"
                    + " deadline such as 7WD, 0WD@16:00 nor an ISO 8601 duration such as PT4H");
        }
    }

    /** The timers a step started with, moved forward to a 12345 work order's own deadline where it is stricter. */
    private void keepWorkOrderDeadline(ExecutionEntity step) {
        Optional<WorkOrderDeadline> workOrder = WorkOrderDeadline.of(step.getVariable(WORK_ORDER_DUE_AT), calendar);
        TimerEntity due = stepTimer(step, DeadlineTimers::isDueTimer);
        if (workOrder.isEmpty() || due == null) {
            return;
        }
        TimerEntity reminder = stepTimer(step, DeadlineTimers::isReminderTimer);
        StepTimers kept = workOrder.get().stricter(due.getDuedate(), reminder == null ? null : reminder.getDuedate(),
                ClockUtil.getCurrentTime().toInstant());
        due.setDuedate(kept.due());
        if (reminder != null && kept.reminder() == null) {
            reminder.delete();
        } else if (reminder != null) {
            reminder.setDuedate(kept.reminder());
        }
    }

    private static TimerEntity stepTimer(ExecutionEntity step, Predicate<String> timerId) {
        return step.getJobs().stream().filter(TimerEntity.class::isInstance).map(TimerEntity.class::cast)
                .filter(timer -> timerId.test(timer.getActivityId())).findFirst().orElse(null);
    }

    /** Tasks without a deadline timer of their own (人工分送, 督办) are due when a 12345 work order is. */
    private static Optional<Date> workOrderDueDate(DelegateExecution execution) {
        return Optional.ofNullable(execution.getVariable(WORK_ORDER_DUE_AT))
                .map(dueAt -> Date.from(Instant.parse(dueAt.toString())));
    }

    private Optional<Date> workingDays(String duedate, Date startDate) {
        Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
        return WorkingDayDeadline.parse(duedate).map(deadline -> Date.from(deadline.from(start.toInstant(), calendar)));
    }
}
