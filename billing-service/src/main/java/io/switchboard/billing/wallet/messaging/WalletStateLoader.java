package io.switchboard.billing.wallet.messaging;

import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletBook;
import io.switchboard.billing.wallet.domain.WalletReloader;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the wallets from the topics (committed records only): the latest {@code WalletUpdated} per
 * account from wallets.v1, then every ledger.v1 entry, which names the calls already charged (by call
 * key: provider, account, provider call id) and the top-ups already applied. A ledger entry's
 * {@code balanceAfter} replaces the wallet read before it: the ledger is read last, so per account
 * (one key, one partition, in order) its newest entry is the balance that belongs with exactly the
 * charges and top-ups just read.
 *
 * <p>Runs as a lifecycle bean in an early phase, so the state is complete before the web server and
 * the charging listener start, and so before the instance reports ready.
 */
@Component
class WalletStateLoader implements SmartLifecycle, WalletReloader {

    /** Before the web server and the Kafka listener containers, which start in much later phases. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(WalletStateLoader.class);

    private final TopicReplayer replayer;
    private final Wallets wallets;
    private volatile boolean running;

    WalletStateLoader(TopicReplayer replayer, Wallets wallets) {
        this.replayer = replayer;
        this.wallets = wallets;
    }

    @Override
    public void start() {
        load();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void reloadIfStale() {
        if (wallets.isStale()) {
            log.warn("Rebuilding wallets from the topics after a Kafka commit with an unknown outcome");
            load();
        }
    }

    private void load() {
        var book = new WalletBook();
        replayer.replayAll(Topic.WALLETS, event -> applyWalletState(book, event));
        replayer.replayAll(Topic.LEDGER, event -> applyLedgerEntry(book, event));
        wallets.replace(book);
        log.info(
                "Wallets rebuilt from {} and {}: {} wallets",
                Topic.WALLETS.topicName(),
                Topic.LEDGER.topicName(),
                book.size());
    }

    private static void applyWalletState(WalletBook book, ReceivedEvent<Object> event) {
        if (event.is(EventTypes.WALLET_UPDATED)) {
            WalletUpdated wallet = event.as(EventTypes.WALLET_UPDATED).payload();
            book.put(new Wallet(wallet.accountId(), wallet.balance(), wallet.currency()));
        }
    }

    /** By call key; an entry from before charges named their provider, by account and provider call id. */
    private static void recordCharge(WalletBook book, CallCharged charged) {
        if (charged.provider() == null) {
            book.recordLegacyCharge(charged.accountId(), charged.callId());
        } else {
            book.recordCharge(CallKey.of(charged));
        }
    }

    private static void applyLedgerEntry(WalletBook book, ReceivedEvent<Object> event) {
        if (event.is(EventTypes.CALL_CHARGED)) {
            CallCharged charged = event.as(EventTypes.CALL_CHARGED).payload();
            recordCharge(book, charged);
            book.put(new Wallet(charged.accountId(), charged.balanceAfter(), charged.currency()));
        } else if (event.is(EventTypes.WALLET_TOPPED_UP)) {
            WalletToppedUp toppedUp = event.as(EventTypes.WALLET_TOPPED_UP).payload();
            book.recordTopUp(toppedUp.accountId(), toppedUp.topUpId(), toppedUp.amount());
            book.put(new Wallet(toppedUp.accountId(), toppedUp.balanceAfter(), toppedUp.currency()));
        }
    }
}
