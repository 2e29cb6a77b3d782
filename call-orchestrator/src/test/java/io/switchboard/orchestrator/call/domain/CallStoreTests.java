package io.switchboard.orchestrator.call.domain;

import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.switchboard.events.call.CallKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallStoreTests {

    private final CallStore store = new CallStore(2);
    private final CallStateMachine machine = new CallStateMachine();

    @BeforeEach
    void holdPartitions() {
        store.assign(0, store.newPartition());
        store.assign(1, store.newPartition());
    }

    @Test
    void whenEndedCallIsOlderThanTheCutoffThenItIsEvictedButItsIdIsRemembered() {
        // given an ended call and a live one
        Call ended = machine.apply(null, CallFacts.status(COMPLETED, 3, 10)).after();
        Call live = withId(machine.apply(null, CallFacts.status(RINGING, 1)).after(), "CA-live");
        store.save(0, ended);
        store.save(0, live);

        // when eviction runs past the end of the call
        int evicted = store.evictTerminalBefore(ended.changedAt().plus(Duration.ofSeconds(1)));

        // then only the ended call left memory, and its id is still known
        assertThat(evicted).isEqualTo(1);
        assertThat(store.find(0, ended.key())).isEmpty();
        assertThat(store.isRetired(0, ended.key())).isTrue();
        assertThat(store.find(0, live.key())).contains(live);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void whenMoreCallsRetireThanTheCapacityThenTheOldestIdsAreForgotten() {
        // given a capacity of two retired ids per partition
        for (String callId : new String[] {"CA-1", "CA-2", "CA-3"}) {
            store.save(
                    0,
                    withId(
                            machine.apply(null, CallFacts.status(COMPLETED, 3, 1))
                                    .after(),
                            callId));
            store.evictTerminalBefore(CallFacts.T0.plus(Duration.ofHours(1)));
        }

        // then only the two most recent are remembered
        assertThat(store.isRetired(0, key("CA-1"))).isFalse();
        assertThat(store.isRetired(0, key("CA-2"))).isTrue();
        assertThat(store.isRetired(0, key("CA-3"))).isTrue();
    }

    @Test
    void whenPartitionIsRevokedThenItsCallsAreDropped() {
        // given calls in two partitions
        store.save(0, machine.apply(null, CallFacts.placed()).after());
        store.save(1, withId(machine.apply(null, CallFacts.placed()).after(), "CA-other"));

        // when partition 0 is revoked
        store.revoke(0);

        // then only partition 1's calls remain, and partition 0 takes no more changes
        assertThat(store.find(0, CallFacts.KEY)).isEmpty();
        assertThat(store.holds(0)).isFalse();
        assertThatThrownBy(() ->
                        store.save(0, machine.apply(null, CallFacts.placed()).after()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.find(1, key("CA-other"))).isPresent();
    }

    @Test
    void whenChangeIsRestoredThenTheCallIsAsBeforeOrGone() {
        // given a call created and then advanced
        Call queued = machine.apply(null, CallFacts.placed()).after();
        Call ringing = machine.apply(queued, CallFacts.status(RINGING, 1)).after();
        store.save(0, ringing);

        // when the advance is undone, then the queued call is back
        store.restore(0, queued.key(), queued);
        assertThat(store.find(0, queued.key())).contains(queued);

        // when the creation is undone, then the call is gone
        store.restore(0, queued.key(), null);
        assertThat(store.find(0, queued.key())).isEmpty();
    }

    @Test
    void whenTwoAccountsHaveCallsWithOneProviderCallIdThenThePartitionHoldsThemApartAndRetiresThemApart() {
        // given account acme's completed call, and account B's call under the same CallSid in the same partition
        Call ofAcme = machine.apply(null, CallFacts.status(COMPLETED, 3, 10)).after();
        CallKey keyOfB = CallFacts.sameCallIdOf("account-b");
        Call ofB =
                machine.apply(null, CallFacts.status(keyOfB, RINGING, 1, null)).after();

        // when both are saved
        store.save(0, ofAcme);
        store.save(0, ofB);

        // then each is found under its own key, unchanged by the other
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.find(0, CallFacts.KEY)).contains(ofAcme);
        assertThat(store.find(0, keyOfB)).contains(ofB);

        // and when acme's ended call is evicted, only its key is retired: B's live call stays
        store.evictTerminalBefore(ofAcme.changedAt().plus(Duration.ofSeconds(1)));
        assertThat(store.isRetired(0, CallFacts.KEY)).isTrue();
        assertThat(store.isRetired(0, keyOfB)).isFalse();
        assertThat(store.find(0, keyOfB)).contains(ofB);
    }

    private static CallKey key(String callId) {
        return new CallKey(CallFacts.KEY.provider(), CallFacts.KEY.accountId(), callId);
    }

    private static Call withId(Call call, String callId) {
        return new Call(
                key(callId),
                call.direction(),
                call.from(),
                call.to(),
                call.assistantId(),
                call.requestId(),
                call.status(),
                call.previousStatus(),
                call.durationSeconds(),
                call.timeline(),
                call.changedAt(),
                call.answeredBy());
    }
}
