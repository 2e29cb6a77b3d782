package io.switchboard.simulator.support;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Points the unchanged Twilio SDK at the simulator: every request for https://api.twilio.com is copied
 * onto the simulator's base URL and sent by the SDK's own NetworkHttpClient.
 * The SDK rebuilds hosts with two dot-separated labels (region/edge insertion), so the base URL's host
 * must be a single label ("localhost", a service name), an IPv4 address, or have three or more labels.
 */
public final class SimulatorHttpClient extends HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final NetworkHttpClient delegate = new NetworkHttpClient();
    private final String baseUrl;

    public SimulatorHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        Request rewritten = new Request(request.getMethod(), request.getUrl().replace(TWILIO_API, baseUrl));
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> rewritten.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> rewritten.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> rewritten.addHeaderParam(name, v)));
        if (request.getAuthStrategy() != null) {
            rewritten.setAuth(request.getAuthStrategy());
        } else {
            rewritten.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getContentType() != null) {
            rewritten.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rewritten.setBody(request.getBody());
        }
        return delegate.makeRequest(rewritten);
    }
}
