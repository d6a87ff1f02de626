package org.cinemates.preference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for another Cinemates service on a loopback port: answers like the real one while up,
 * and can be switched to stopped (nothing listens), failing (500 problem for everything) or slow
 * (answers only after {@link #SLOW}, far beyond any time limit). Records every request it gets.
 */
public abstract class FakeService {

    public static final Duration SLOW = Duration.ofSeconds(4);

    /** One request as the fake received it. */
    public record Request(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

        public @Nullable String param(String name) {
            return query.get(name);
        }

        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the fake answers. */
    protected record Answer(int status, String contentType, String body) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        public static Answer problem(int status, String slug, String detail) {
            return new Answer(
                    status,
                    "application/problem+json",
                    "{\"type\":\"urn:cinemates:problem:" + slug + "\",\"title\":\"" + slug + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
        }
    }

    private enum Mode {
        UP,
        FAILING,
        SLOW
    }

    private final String name;
    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "fake-service");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.UP;
    private @Nullable HttpServer server;

    protected FakeService(String name) {
        this.name = name;
        HttpServer started = listen(0);
        this.server = started;
        this.port = started.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Listening and answering like the real service. */
    public synchronized void up() {
        mode = Mode.UP;
        if (server == null) {
            server = listen(port);
        }
    }

    /** Nothing listens on its port: connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers every request with a 500 problem. */
    public synchronized void failing() {
        up();
        mode = Mode.FAILING;
    }

    /** Answers every request, but only after {@link #SLOW}. */
    public synchronized void slow() {
        up();
        mode = Mode.SLOW;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public void forgetRequests() {
        requests.clear();
    }

    /** The answer of the real service. */
    protected abstract Answer answer(Request request);

    private HttpServer listen(int port) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listening.createContext("/", this::handle);
            listening.setExecutor(threads);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start fake " + name + " on port " + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    query(uri.getRawQuery()),
                    headers(exchange),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Mode now = mode;
            if (now == Mode.SLOW) {
                sleep(SLOW);
            }
            Answer answer = now == Mode.FAILING
                    ? Answer.problem(500, "internal", "Something went wrong on our side")
                    : answer(request);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // The caller gave up waiting (a slow answer); nothing to do.
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(decode(key), decode(value));
        }
        return params;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
