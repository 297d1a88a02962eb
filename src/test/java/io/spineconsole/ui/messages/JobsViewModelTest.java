package io.spineconsole.ui.messages;

import io.spineconsole.domain.Role;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
