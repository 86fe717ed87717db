package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.ledger.ReconciliationView.Trigger;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Spring Batch job {@value #JOB_NAME}: reconciles the ledger with Stripe's balance transactions for one day (UTC).
 * The day is the job's identifying parameter, so the job repository runs a day's scheduled reconciliation once across
 * instances: a second start of a completed instance is refused ({@link JobInstanceAlreadyCompleteException}), a failed
 * one is started again (the daily round retries the failed days of the week before). ShedLock keeps the instances
 * from starting it at the same moment. A reconciliation asked for
 * on demand carries its run id as a second identifying parameter, so it runs whatever ran before.
 *
 * <p>The step's tasklet has no database transaction of its own ({@link ResourcelessTransactionManager}): Stripe is read
 * outside any transaction and each write is a short transaction of its own ({@link LedgerReconciler}).
 */
@Component
public class LedgerReconciliationJob {

    public static final String JOB_NAME = "paymentsLedgerReconciliation";

    private static final Logger log = LoggerFactory.getLogger(LedgerReconciliationJob.class);
    private static final String ACTOR = "job:ledger-reconciliation";
    private static final String DAY = "day";
    private static final String RUN = "run";
    private static final String TRIGGER = "trigger";
    private static final int RETRY_DAYS = 7;

    private final Job job;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final boolean enabled;

    LedgerReconciliationJob(
            JobRepository jobRepository,
            JobOperator jobOperator,
            SystemAccess systemAccess,
            LedgerReconciler reconciler,
            Clock clock,
            @Value("${freightgate.payments.ledger-reconciliation.enabled:true}") boolean enabled) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.enabled = enabled;
        Tasklet reconcile = (contribution, chunk) -> {
            JobParameters parameters = contribution.getStepExecution().getJobParameters();
            LocalDate day = parameters.getLocalDate(DAY);
            String run = parameters.getString(RUN);
            var outcome = reconciler.reconcile(
                    run == null ? UUID.randomUUID() : UUID.fromString(run),
                    day,
                    Trigger.valueOf(parameters.getString(TRIGGER)));
            contribution.incrementReadCount();
            contribution.incrementWriteCount(outcome.differences().size());
            chunk.getStepContext()
                    .getStepExecution()
                    .getExecutionContext()
                    .putString("reconciliationRun", outcome.runId().toString());
            return RepeatStatus.FINISHED;
        };
        this.job = new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("reconcileLedgerWithStripe", jobRepository)
                        .tasklet(reconcile, new ResourcelessTransactionManager())
                        .build())
                .build();
    }

    /** Every day shortly after midnight UTC: the day before, after the failed days of the week before it. */
    @Scheduled(cron = "${freightgate.payments.ledger-reconciliation.cron:0 15 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "payments-ledger-reconciliation", lockAtMostFor = "PT2H")
    public void scheduled() {
        if (enabled) {
            daily();
        }
    }

    /**
     * The daily round: each of the {@value #RETRY_DAYS} days before yesterday whose scheduled run failed is run again
     * (oldest first; days that never ran, such as those before the ledger existed, are left alone), then yesterday.
     */
    public void daily() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int back = RETRY_DAYS + 1; back >= 2; back--) {
            LocalDate day = today.minusDays(back);
            JobExecution last = jobRepository.getLastJobExecution(JOB_NAME, scheduledParameters(day));
            if (last != null && last.getStatus() == BatchStatus.FAILED) {
                log.info("The scheduled reconciliation of {} failed; running it again", day);
                scheduled(day);
            }
        }
        scheduled(today.minusDays(1));
    }

    /**
     * The scheduled reconciliation of {@code day}: runs unless that day's scheduled run already completed (then empty).
     * A run that fails is reported in its run row and started again by the next call for the same day.
     */
    public Optional<BatchStatus> scheduled(LocalDate day) {
        try {
            JobExecution execution = start("scheduled reconciliation of " + day, scheduledParameters(day));
            log.info("Scheduled reconciliation of {} finished: {}", day, execution.getStatus());
            return Optional.of(execution.getStatus());
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("The scheduled reconciliation of {} has already run", day);
            return Optional.empty();
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("The scheduled reconciliation of {} is running elsewhere", day);
            return Optional.empty();
        }
    }

    private static JobParameters scheduledParameters(LocalDate day) {
        return new JobParametersBuilder()
                .addLocalDate(DAY, day)
                .addString(TRIGGER, Trigger.SCHEDULED.name(), false)
                .toJobParameters();
    }

    /** Reconciles {@code day} now, whatever ran before, as run {@code runId}; returns when the run has ended. */
    public BatchStatus onDemand(LocalDate day, UUID runId, String requestedBy) {
        try {
            return start(
                            "reconciliation of " + day + " asked for by " + requestedBy,
                            new JobParametersBuilder()
                                    .addLocalDate(DAY, day)
                                    .addString(RUN, runId.toString())
                                    .addString(TRIGGER, Trigger.ON_DEMAND.name(), false)
                                    .toJobParameters())
                    .getStatus();
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
            throw new IllegalStateException("Run " + runId + " was started before", e);
        }
    }

    private JobExecution start(String reason, JobParameters parameters)
            throws JobInstanceAlreadyCompleteException, JobExecutionAlreadyRunningException {
        try {
            return systemAccess.callAs(ACTOR, Optional.empty(), reason, () -> {
                try {
                    return jobOperator.start(job, parameters);
                } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
                    throw new Refused(e);
                } catch (JobRestartException | InvalidJobParametersException e) {
                    throw new IllegalStateException("Could not start the ledger reconciliation job", e);
                }
            });
        } catch (Refused refused) {
            switch (refused.refusal) {
                case JobInstanceAlreadyCompleteException complete -> throw complete;
                case JobExecutionAlreadyRunningException running -> throw running;
                default -> throw new IllegalStateException(refused.refusal);
            }
        }
    }

    /** Carries the job repository's refusal out of the system-scope lambda. */
    private static final class Refused extends RuntimeException {
        private final Exception refusal;

        Refused(Exception cause) {
            super(cause.getMessage(), cause, false, false);
            this.refusal = cause;
        }
    }
}
