package io.switchboard.billing.wallet.messaging;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.billing.wallet.domain.Wallet;
import io.switchboard.billing.wallet.domain.WalletBook;
import io.switchboard.billing.wallet.domain.WalletReloader;
import io.switchboard.billing.wallet.domain.WalletStates;
import io.switchboard.billing.wallet.domain.Wallets;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the wallets from the topics (committed records only): the {@code WalletUpdated} of the highest
 * version per account from wallets.v1 (an older one re-produced later is refused and counted as
 * {@code stale-snapshot}, {@link WalletStates}), then every ledger.v1 entry, which names the calls already charged (by call
 * key: provider, account, provider call id) and the top-ups already applied. A ledger entry's
 * {@code balanceAfter} replaces the wallet read before it: the ledger is read last, so per account
 * (one key, one partition, in order) its newest entry is the balance that belongs with exactly the
 * charges and top-ups just read.
 *
 * <p>A wallet's version after the rebuild is the highest read on wallets.v1, or its number of ledger
 * entries if that is higher (each state is written with one ledger entry). The count is there because
 * wallets.v1 is compacted and compaction keeps a key's last record by offset, not by version: an old
 * state re-produced there, and not yet superseded, can become the key's only record. The ledger is never
 * compacted, so the next state billing writes still gets a version above every one it wrote before.
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
    private final EventRefusals refusals;
    private volatile boolean running;

    WalletStateLoader(TopicReplayer replayer, Wallets wallets, EventRefusals refusals) {
        this.replayer = replayer;
        this.wallets = wallets;
        this.refusals = refusals;
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
        var states = new WalletStates();
        replayer.replayAllRecords(Topic.WALLETS, (record, event) -> applyWalletState(book, states, record, event));
        var ledgerEntries = new HashMap<String, Long>();
        replayer.replayAll(Topic.LEDGER, event -> applyLedgerEntry(book, ledgerEntries, event));
        wallets.replace(book);
        log.info(
                "Wallets rebuilt from {} and {}: {} wallets",
                Topic.WALLETS.topicName(),
                Topic.LEDGER.topicName(),
                book.size());
    }

    private void applyWalletState(
            WalletBook book, WalletStates states, ConsumerRecord<String, byte[]> record, ReceivedEvent<Object> event) {
        if (!event.is(EventTypes.WALLET_UPDATED)) {
            return;
        }
        WalletUpdated wallet = event.as(EventTypes.WALLET_UPDATED).payload();
        long version = wallet.versionOrZero();
        if (states.offer(wallet.accountId(), version, event.id()) == WalletStates.Verdict.STALE) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(
                            Refusal.STALE_SNAPSHOT,
                            "version " + version + " of wallet " + wallet.accountId() + " is not newer than version "
                                    + states.highestVersion(wallet.accountId()) + " read before it"));
            return;
        }
        book.put(new Wallet(wallet.accountId(), wallet.balance(), wallet.currency(), version));
    }

    /** By call key; an entry from before charges named their provider, by account and provider call id. */
    private static void recordCharge(WalletBook book, CallCharged charged) {
        if (charged.provider() == null) {
            book.recordLegacyCharge(charged.accountId(), charged.callId());
        } else {
            book.recordCharge(CallKey.of(charged));
        }
    }

    private static void applyLedgerEntry(
            WalletBook book, Map<String, Long> ledgerEntries, ReceivedEvent<Object> event) {
        if (event.is(EventTypes.CALL_CHARGED)) {
            CallCharged charged = event.as(EventTypes.CALL_CHARGED).payload();
            recordCharge(book, charged);
            putBalanceAfter(book, ledgerEntries, charged.accountId(), charged.balanceAfter(), charged.currency());
        } else if (event.is(EventTypes.WALLET_TOPPED_UP)) {
            WalletToppedUp toppedUp = event.as(EventTypes.WALLET_TOPPED_UP).payload();
            book.recordTopUp(toppedUp.accountId(), toppedUp.topUpId(), toppedUp.amount());
            putBalanceAfter(book, ledgerEntries, toppedUp.accountId(), toppedUp.balanceAfter(), toppedUp.currency());
        }
    }

    private static void putBalanceAfter(
            WalletBook book,
            Map<String, Long> ledgerEntries,
            String accountId,
            BigDecimal balanceAfter,
            String currency) {
        long entries = ledgerEntries.merge(accountId, 1L, Long::sum);
        long version =
                Math.max(entries, book.find(accountId).map(Wallet::version).orElse(0L));
        book.put(new Wallet(accountId, balanceAfter, currency, version));
    }
}
