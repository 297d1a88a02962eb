package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryProgress;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobsViewModelTest {
    private final TestServices t = new TestServices();
    private final FakeMessagesApi api = new FakeMessagesApi();

    @Test
    void aJobOpenedByIdThatCannotBeReadSaysWhyAndRetryAsksAgain() {
        JobsViewModel jobs = new JobsViewModel(t.ui, t.i18n);
        jobs.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
        UUID id = UUID.randomUUID();
        jobs.openJob(id);
        assertEquals(LoadState.FAILED, jobs.jobStatus().state());
        assertFalse(jobs.jobStatus().errorProperty().get().isEmpty(), "why, where the job would be");
        assertEquals("", jobs.errorProperty().get(), "not an action's refusal");
        assertNull(jobs.selectedProperty().get());

        jobs.jobStatus().retry();
        assertEquals(List.of(id, id), api.jobsAsked);
    }

    private static RedeliveryJob job(UUID id, boolean dryRun, JobState state, UUID fromDryRun, UUID realRun) {
        return new RedeliveryJob(id, "Certificate renewed at the receiver", dryRun, 10, 10_000, 3, null, false,
                new RedeliveryProgress(state, 3, 3, 0, 1, 1), FakeMessagesApi.NOW, FakeMessagesApi.NOW, null, null, 1,
                FakeMessagesApi.NOW, "Tester", FakeMessagesApi.NOW, "Tester", fromDryRun, realRun);
    }

    @Test
    void aJobStartThatGotNoAnswerIsSentAgainAsTheSameIntent() {
        JobsViewModel jobs = new JobsViewModel(t.ui, t.i18n);
        jobs.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
        api.onCreateJob = r -> CompletableFuture.failedFuture(new ApiException(ApiException.Kind.OFFLINE, 0,
                ApiException.OUTCOME_UNKNOWN, "No answer", "POST", List.of(), null));
        JobForm form = JobForm.forMessages(List.of(UUID.randomUUID(), UUID.randomUUID()), "2 selected", t.i18n);
        form.reason().valueProperty().set("Certificate renewed at the receiver");
        jobs.create(form, j -> { });
        assertTrue(jobs.outcomeUnknownProperty().get());
        assertEquals(t.i18n.get("messages.jobs.outcomeUnknown"), jobs.errorProperty().get());

        RedeliveryJob started = job(UUID.randomUUID(), false, JobState.RUNNING, null, null);
        api.onCreateJob = r -> CompletableFuture.completedFuture(started);
        jobs.create(form, j -> { });
        assertEquals(api.jobIntents.get(0), api.jobIntents.get(1), "the same key: the server starts it once");
        assertFalse(jobs.outcomeUnknownProperty().get());
        assertEquals(started, jobs.selectedProperty().get());

        jobs.create(form, j -> { });
        assertNotEquals(api.jobIntents.get(1), api.jobIntents.get(2), "after it went through, another start is a new intent");
    }

    @Test
    void aFinishedDryRunRunsForRealOnceOnTheSameSelection() {
        JobsViewModel jobs = new JobsViewModel(t.ui, t.i18n);
        jobs.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
        UUID dryId = UUID.randomUUID();
        RedeliveryJob dry = job(dryId, true, JobState.COMPLETED, null, null);
        jobs.select(dry);
        assertTrue(jobs.canRunSelectedForReal());
        RedeliveryJob real = job(UUID.randomUUID(), false, JobState.RUNNING, dryId, null);
        api.onCreateJob = r -> CompletableFuture.completedFuture(real);
        jobs.runForReal("Certificate renewed at the receiver", j -> { });
        RedeliveryJobCreate asked = api.jobsCreated.get(0);
        assertEquals(dryId, asked.fromDryRun());
        assertEquals(Boolean.FALSE, asked.dryRun());
        assertNull(asked.messageIds(), "the server takes the dry run's selection");
        assertEquals(real, jobs.selectedProperty().get());

        jobs.select(job(dryId, true, JobState.COMPLETED, null, real.id()));
        assertFalse(jobs.canRunSelectedForReal(), "run for real once");
        jobs.runForReal("again", j -> { });
        assertEquals(1, api.jobsCreated.size());
        assertTrue(JobsView.describe(jobs.selectedProperty().get(), t.text)
                .contains(real.id().toString().toUpperCase(java.util.Locale.ROOT)), "the dry run names its real run");

        jobs.select(job(UUID.randomUUID(), true, JobState.RUNNING, null, null));
        assertFalse(jobs.canRunSelectedForReal(), "not before it has finished");
    }
}
