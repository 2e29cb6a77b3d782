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

                  service              API                     actuator (probes, metrics)
                  webhook-ingress      %s   %s   (Twilio webhooks: /webhooks/twilio/%s/{voice,status,recording})
                  call-orchestrator    %s   %s   (GET /api/accounts/%s)
                  campaign-dialer      %s   %s
                  billing-service      %s   %s   (GET /api/wallets/%s)
                  call-log-service     %s   %s   (GET /api/calls, /api/calls/{callId}; operator: /api/audit)
                  telephony-simulator  %s                           (GET /simulator/calls; no token)
                  token issuer         %s   %s   (development only: /.well-known/openid-configuration)
                  Kafka broker         %s
                  metrics              <actuator>/actuator/prometheus

                Demo account '%s': wallet %s USD, number %s answered by assistant '%s'.

                Every API wants a bearer token from the issuer (./dev token --help):
                  TOKEN=$(./dev token)                              # account %s, every scope but operator
                  OPERATOR=$(./dev token --operator)                # the platform operator, no account

                Try it (in another terminal):
                  ./dev calls 10                                    # publish 10 call requests
                  curl -s -H "Authorization: Bearer $TOKEN" '%s/api/calls?size=20'   # the call log, with costs
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/wallets/%s       # the balance drops
                  curl -s -XPOST %s/simulator/inbound-calls -H 'Content-Type: application/json' \\
                       -d '{"from":"+14155550999","to":"%s"}'        # ring the demo number

                Logs: %s
                Ctrl-C stops everything.
                """.formatted(
                        stack.url(StackService.WEBHOOK_INGRESS),
                        stack.managementUrl(StackService.WEBHOOK_INGRESS),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CALL_ORCHESTRATOR),
                        stack.managementUrl(StackService.CALL_ORCHESTRATOR),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CAMPAIGN_DIALER),
                        stack.managementUrl(StackService.CAMPAIGN_DIALER),
                        stack.url(StackService.BILLING_SERVICE),
                        stack.managementUrl(StackService.BILLING_SERVICE),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CALL_LOG_SERVICE),
                        stack.managementUrl(StackService.CALL_LOG_SERVICE),
                        stack.url(StackService.TELEPHONY_SIMULATOR),
                        stack.url(StackService.DEV_ISSUER),
                        stack.managementUrl(StackService.DEV_ISSUER),
                        stack.kafkaBootstrapServers(),
                        StackConfig.DEMO_ACCOUNT,
                        DemoData.OPENING_CREDIT,
                        StackConfig.DEMO_NUMBER,
                        StackConfig.DEMO_ASSISTANT,
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.CALL_LOG_SERVICE),
                        stack.url(StackService.BILLING_SERVICE),
                        StackConfig.DEMO_ACCOUNT,
                        stack.url(StackService.TELEPHONY_SIMULATOR),
                        StackConfig.DEMO_NUMBER,
                        stack.config().dataDirectory().resolve("logs"));
    }
}
