package io.freightgate.kyc.internal.cases;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.ViesCheck;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The Spring Batch job {@value #JOB_NAME}: asks VIES again about every case whose VAT check is due, that is UNKNOWN
 * results (retried with backoff) and VALID ones (re-validated periodically), at most {@code batchSize} per run. Launched
 * on a schedule on one instance (ShedLock), in the audited system scope; its runs are in the job repository.
 *
 * <p>The step's tasklet runs without a database transaction of its own ({@link ResourcelessTransactionManager}): each
 * check calls VIES outside any transaction and records its outcome in a short transaction of its own, so a slow member
 * state never holds a connection.
 */
public class ViesRecheckJob {

    public static final String JOB_NAME = "kycViesRecheck";
    private static final Logger log = LoggerFactory.getLogger(ViesRecheckJob.class);
    private static final String ACTOR = "job:kyc-vies-recheck";

    private final Job job;
    private final JobOperator jobOperator;
    private final SystemAccess systemAccess;
    private final Clock clock;

    public ViesRecheckJob(
            JobRepository jobRepository,
            JobOperator jobOperator,
            SystemAccess systemAccess,
            VatVerification verification,
            Clock clock,
            int batchSize) {
        this.jobOperator = jobOperator;
        this.systemAccess = systemAccess;
        this.clock = clock;
        Tasklet recheck = (contribution, chunk) -> {
            List<TenantId> due = verification.dueForCheck(batchSize);
            for (TenantId organization : due) {
                Optional<ViesCheck> check = verification.checkCase(organization, false);
                contribution.incrementReadCount();
                if (check.isPresent()) {
                    contribution.incrementWriteCount(1);
                }
            }
            return RepeatStatus.FINISHED;
        };
        this.job = new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("recheckDueVatNumbers", jobRepository)
                        .tasklet(recheck, new ResourcelessTransactionManager())
                        .build())
                .build();
    }

    @Scheduled(cron = "${freightgate.vies.recheck.cron:0 */10 * * * *}", zone = "UTC")
    @SchedulerLock(name = "kyc-vies-recheck", lockAtMostFor = "PT30M")
    public void scheduled() {
        JobExecution execution = run();
        log.info("VIES re-check job finished: {}", execution.getStatus());
    }

    /** Runs the job once now, in the system scope. */
    public JobExecution run() {
        return systemAccess.callAs(ACTOR, Optional.empty(), "VIES re-check of due VAT numbers", () -> {
            try {
                return jobOperator.start(
                        job,
                        new JobParametersBuilder()
                                .addString("runAt", clock.instant().toString())
                                .addString("run", UUID.randomUUID().toString())
                                .toJobParameters());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the VIES re-check job", e);
            }
        });
    }
}
