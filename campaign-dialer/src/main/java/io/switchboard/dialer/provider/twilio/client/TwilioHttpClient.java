package io.switchboard.dialer.provider.twilio.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's own HTTP client with three changes:
 * <ul>
 * <li>requests for {@code https://api.twilio.com} go to a configured base URL (the telephony simulator locally);</li>
 * <li>each request is sent exactly once: the SDK retries every 5xx three times and Apache HttpClient retries
 * 429/503 on its own, which would multiply attempts at a call that may already be placed, and would send
 * requests the pacer never let through. Whether and when to ask again is the pacer's decision;</li>
 * <li>a paced call waits for its turn ({@link SendTurns}) inside the client's execution chain, after its
 * connection is open and just before the request is written: building the request and opening a connection
 * (a cold client's first call, a TLS handshake) take a varying time that would otherwise bunch the instants
 * the provider sees;</li>
 * <li>failures keep what they are: I/O errors become {@link ApiConnectionException}, and an error answer
 * that is not Twilio's JSON (a proxy's HTML 502 page) becomes a Twilio-shaped error with its HTTP status,
 * so that both are recognised as transient.</li>
 * </ul>
 */
final class TwilioHttpClient extends NetworkHttpClient {

    static final String TWILIO_API = "https://api.twilio.com";

    private static final int MAX_CONNECTIONS = 20;

    private final String baseUrl;

    TwilioHttpClient(URI apiBaseUrl, Duration timeout) {
        super(builder(Timeout.of(timeout)));
        this.baseUrl = apiBaseUrl.toString().replaceAll("/+$", "");
    }

    private static HttpClientBuilder builder(Timeout timeout) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableAutomaticRetries()
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "send-turn", (request, scope, chain) -> {
                    SendTurns.awaitBound();
                    return chain.proceed(request, scope);
                });
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, RETRY_CODES, 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        Response response;
        Request rewritten = rewrite(request);
        try {
            response = super.makeRequest(rewritten);
        } catch (ApiException e) {
            if (e.getCause() instanceof IOException io) {
                throw new ApiConnectionException(e.getMessage(), io);
            }
            throw e;
        }
        return TwilioErrorBodies.normalize(response);
    }

    Request rewrite(Request original) {
        String url = original.getUrl();
        if (baseUrl.equals(TWILIO_API) || !url.startsWith(TWILIO_API + "/")) {
            return original;
        }
        // The URL is final inside a Request, so the request is copied whole onto the new URL. Region and
        // edge are left out on purpose: they would rewrite the host of the base URL.
        var copy = new Request(original.getMethod(), baseUrl + url.substring(TWILIO_API.length()));
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private static void copyParams(Map<String, List<String>> params, BiConsumer<String, String> sink) {
        params.forEach((name, values) -> values.forEach(value -> sink.accept(name, value)));
    }
}
