package io.switchboard.deploy;

/** What the local stack prints once it is up: where everything is and what to try first. */
final class StackBanner {

    private final LocalStack stack;

    StackBanner(LocalStack stack) {
        this.stack = stack;
    }

    String text() {
        return """

                Switchboard is up.

                  webhook-ingress      %s   (Twilio webhooks: /webhooks/twilio/%s/{voice,status,recording})
                  call-orchestrator    %s   (GET /api/accounts/%s)
                  campaign-dialer      %s
                  billing-service      %s   (GET /api/wallets/%s)
                  call-log-service     %s   (GET /api/calls, /api/calls/{callId})
                  telephony-simulator  %s   (GET /simulator/calls)
                  Kafka broker         %s
                  metrics              <service>/actuator/prometheus

                Demo account '%s': wallet %s USD, number %s answered by assistant '%s'.

                Try it (in another terminal):
                  ./dev calls 10                                    # publish 10 call requests
                  curl -s '%s/api/calls?size=20'                    # the call log, with costs
                  curl -s %s/api/wallets/%s                        # the balance drops
                  curl -s -XPOST %s/simulator/inbound-calls -H 'Content-Type: application/json' \\
                       -d '{"from":"+14155550999","to":"%s"}'        # ring the demo number

                Logs: %s
                Ctrl-C stops everything.
                """.formatted(
                        stack.url(StackService.WEBHOOK_INGRESS),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CALL_ORCHESTRATOR),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CAMPAIGN_DIALER),
                        stack.url(StackService.BILLING_SERVICE),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CALL_LOG_SERVICE),
                        stack.url(StackService.TELEPHONY_SIMULATOR),
                        stack.kafkaBootstrapServers(),
                        StackConfig.DEMO_ACCOUNT,
                        DemoData.OPENING_CREDIT,
                        StackConfig.DEMO_NUMBER,
                        StackConfig.DEMO_ASSISTANT,
                        stack.url(StackService.CALL_LOG_SERVICE),
                        stack.url(StackService.BILLING_SERVICE),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.TELEPHONY_SIMULATOR),
                        StackConfig.DEMO_NUMBER,
                        stack.config().dataDirectory().resolve("logs"));
    }
}
