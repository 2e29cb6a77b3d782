package io.switchboard.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code ./dev token}: prints a bearer token from the running local stack's development issuer, and
 * nothing else, so that {@code TOKEN=$(./dev token)} works. The stack's client secret is read from
 * {@code .local/secrets.json}.
 */
public final class DevToken {

    static final String USAGE = """
            Usage: ./dev token [--account ID | --no-account] [--scopes "SCOPE ..."] [--operator] [--issuer URL]

            Prints an access token of the running local stack's development issuer.
              --account ID     the account the token acts for (default: %s)
              --no-account     no account claim
              --scopes "..."   space-separated scopes (default: "%s");
                               known: calls:read calls:pii calls:write billing:read billing:write accounts:admin operator
              --operator       the platform operator: scope operator and no account (added to --scopes and
                               --account when those are given too)
              --issuer URL     the issuer (default: %s)

            e.g.  TOKEN=$(./dev token)
                  curl -s -H "Authorization: Bearer $TOKEN" localhost:8083/api/wallets/demo
                  ./dev token --account acme --scopes "calls:read"
                  ./dev token --operator
            """;

    private DevToken() {}

    public static void main(String[] args) {
        StackConfig local = StackConfig.local(Path.of("").toAbsolutePath());
        Request request;
        try {
            request = Request.parse(Arrays.asList(args), local.issuerUrl());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage(local));
            System.exit(2);
            return;
        }
        if (request == null) {
            System.out.print(usage(local));
            return;
        }
        try {
            StackSecrets secrets = StackSecrets.load(local.dataDirectory());
            var tokens = new IssuerTokens(request.issuer(), StackConfig.ISSUER_CLIENT_ID, secrets.issuerClientSecret());
            System.out.println(tokens.token(request.account(), request.scopes()));
        } catch (RuntimeException e) {
            System.err.println("./dev token: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String usage(StackConfig local) {
        return USAGE.formatted(
                StackConfig.DEMO_ACCOUNT, String.join(" ", IssuerTokens.TENANT_SCOPES), local.issuerUrl());
    }

    /**
     * What to ask the issuer for.
     *
     * @param account null for a token without an account claim
     */
    record Request(String account, List<String> scopes, String issuer) {

        /** The request the arguments describe, or null when they ask for help. */
        static Request parse(List<String> args, String defaultIssuer) {
            String account = null;
            boolean accountGiven = false;
            boolean noAccount = false;
            List<String> scopes = null;
            boolean operator = false;
            String issuer = defaultIssuer;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (option) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--account" -> {
                        account = value(args, i, arg);
                        accountGiven = true;
                    }
                    case "--no-account" -> noAccount = true;
                    case "--scopes", "--scope" ->
                        scopes = List.of(value(args, i, arg).trim().split("\\s+")).stream()
                                .filter(s -> !s.isEmpty())
                                .toList();
                    case "--operator" -> operator = true;
                    case "--issuer" -> issuer = value(args, i, arg).replaceAll("/+$", "");
                    default -> throw new IllegalArgumentException("Unknown argument: " + arg);
                }
                if (!arg.contains("=") && !option.equals("--no-account") && !option.equals("--operator")) {
                    i++;
                }
            }
            if (accountGiven && noAccount) {
                throw new IllegalArgumentException("--account and --no-account contradict each other");
            }
            var granted = new LinkedHashSet<String>(
                    scopes != null ? scopes : operator ? List.of() : IssuerTokens.TENANT_SCOPES);
            if (operator) {
                granted.add(IssuerTokens.OPERATOR);
            }
            String claimed =
                    noAccount || (operator && !accountGiven) ? null : accountGiven ? account : StackConfig.DEMO_ACCOUNT;
            return new Request(claimed, new ArrayList<>(granted), issuer);
        }

        private static String value(List<String> args, int i, String arg) {
            if (arg.contains("=")) {
                return arg.substring(arg.indexOf('=') + 1);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            return args.get(i + 1);
        }
    }
}
