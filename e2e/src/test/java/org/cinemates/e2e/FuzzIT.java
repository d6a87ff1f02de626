package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cinemates.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded, bounded fuzzer driven by the four OpenAPI descriptions: at least 10,000 malformed and
 * hostile requests, through nginx and straight at each service. Any 5xx, any answer under /api
 * that is an error but not a problem, any HTML, or any answer slower than 2 s (twice) fails it.
 * {@code -Dcinemates.e2e.fuzz.seed} and {@code -Dcinemates.e2e.fuzz.requests} replay or widen a
 * run.
 */
@Order(7)
class FuzzIT extends EndToEnd {

    private static final long SEED = Long.getLong("cinemates.e2e.fuzz.seed", 14L);
    private static final int REQUESTS = Integer.getInteger("cinemates.e2e.fuzz.requests", 10_000);
    private static final int THREADS = 4;
    private static final Duration SLOW = Duration.ofSeconds(2);
    /** Login, registration and refresh count against the address's budgets that later tests need. */
    private static final int MAX_PER_AUTH_OPERATION = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Keys nobody published: a few, made once (making an RSA key takes a while). */
    private static final List<com.nimbusds.jose.jwk.RSAKey> FORGERS =
            List.of(TestTokens.newKey("forged-1"), TestTokens.newKey("forged-2"), TestTokens.newKey("expired"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String[] HOSTILE = {
        "",
        " ",
        "null",
        "0",
        "-1",
        "1.5",
        "1e309",
        "NaN",
        "9223372036854775808",
        "-9223372036854775809",
        "' OR '1'='1",
        "1; DROP TABLE accounts; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "../../../../etc/passwd",
        "..%2F..%2Finternal",
        "\u0000",
        "nul\u0000inside",
        "\u202eevil",
        "\u200b",
        "😀🎬",
        "ﬁ",
        "é",
        "\r\nX-Injected: yes",
        "{x}",
        "[]",
        "|",
        "\\",
        "%",
        "%FF",
        "a".repeat(300),
        "b".repeat(5_000),
        "true",
        "[1,2]",
        "{\"a\":1}"
    };
    private static final String[] METHODS = {
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "BREW"
    };
    private static final String[] CONTENT_TYPES = {
        "application/*",
        "*/*",
        "text/plain",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "application/json; charset=UTF-16",
        "application/json; charset=ebcdic",
        ";;;",
        "json",
        "application/problem+json",
        "text/html"
    };
    private static final String[] ACCEPTS = {
        ";;;q=x",
        "text/csv",
        "text/html",
        "*/*;q=abc",
        "application/xml",
        "image/png",
        "application/json;q=0",
        "x".repeat(2_000),
        "application/*, text/*;q=0.5"
    };

    record Operation(
            String service,
            String method,
            String template,
            List<JsonNode> parameters,
            @Nullable JsonNode body) {

        boolean isAuthEndpoint() {
            return method.equals("POST") && template.matches("/api/auth/(login|register|refresh)");
        }

        /** Operations whose success would end the fuzzing member's session or account. */
        boolean endsTheSession() {
            return template.startsWith("/api/auth/") && !template.equals("/api/auth/csrf")
                    || template.equals("/api/users/me") && method.equals("DELETE")
                    || template.contains("session")
                    || template.contains("password");
        }
    }

    record Sent(String target, String method, String uri, String what, int bodyBytes, HttpRequest request) {}

    record Answer(Sent sent, int status, String contentType, String body, long millis) {

        String line() {
            String shown = body.length() > 200 ? body.substring(0, 200) + "..." : body;
            return sent.target + " " + sent.method + " " + sent.uri + " [" + sent.what + "] -> " + status + " "
                    + contentType + " in " + millis + " ms: " + shown.replace('\n', ' ');
        }
    }

    @Test
    void hostileRequestsNeverBreakAnything() throws Exception {
        Random random = new Random(SEED);
        Member member = join("fuzz");
        Map<String, JsonNode> descriptions = new LinkedHashMap<>();
        for (String service : OpenApiTruthIT.SERVICES) {
            descriptions.put(
                    service,
                    browser().get("/api/docs/" + service + ".json").send().json());
        }
        List<Operation> operations = operations(descriptions);
        assertThat(operations).as("operations described").hasSizeGreaterThan(20);
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("nginx", baseUrl());
        Services.ports().forEach((service, port) -> targets.put(service, "http://127.0.0.1:" + port));

        List<Sent> plan = new ArrayList<>();
        Map<String, Integer> authCalls = new HashMap<>();
        while (plan.size() < REQUESTS) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            if (operation.isAuthEndpoint()
                    && authCalls.merge(operation.template(), 1, Integer::sum) > MAX_PER_AUTH_OPERATION) {
                continue;
            }
            String target = random.nextBoolean() ? "nginx" : operation.service();
            Sent sent = request(
                    random,
                    operation,
                    target,
                    java.util.Objects.requireNonNull(targets.get(target)),
                    member,
                    java.util.Objects.requireNonNull(descriptions.get(operation.service())));
            if (sent != null) {
                plan.add(sent);
            }
        }

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (Sent sent : plan) {
            pool.execute(() -> answers.add(send(client, sent)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES))
                .as("fuzzing finished")
                .isTrue();
        long wall = Duration.ofNanos(System.nanoTime() - started).toMillis();

        List<String> failures = new ArrayList<>();
        List<Answer> slow = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byTarget = new TreeMap<>();
        for (Answer sent : answers) {
            Answer answer = sent;
            byStatus.merge(answer.status(), 1, Integer::sum);
            byTarget.merge(answer.sent().target(), 1, Integer::sum);
            String wrong = judge(answer);
            if ("no answer".equals(wrong)) {
                // A kept-alive connection the server closed just as the client reused it: sent again
                // on its own, a request the server cannot answer still gets no answer.
                answer = send(client, answer.sent());
                wrong = judge(answer);
            }
            if (wrong != null) {
                failures.add(wrong + ": " + answer.line());
            }
            if (answer.millis() > SLOW.toMillis()) {
                slow.add(answer);
            }
        }
        // A slow answer is sent again on its own: a slow path shows twice, a busy moment does not.
        for (Answer first : slow) {
            Answer again = send(client, first.sent());
            if (again.millis() > SLOW.toMillis()) {
                failures.add("slower than " + SLOW.toMillis() + " ms twice: " + first.line() + " / " + again.millis()
                        + " ms");
            }
        }
        List<Answer> slowest = answers.stream()
                .sorted(Comparator.comparingLong(Answer::millis).reversed())
                .limit(5)
                .toList();
        System.out.printf(
                "Fuzzing (seed %d): %d requests in %d ms, %d operations, %d threads%n",
                SEED, answers.size(), wall, operations.size(), THREADS);
        System.out.println("  by status: " + byStatus);
        System.out.println("  by target: " + byTarget);
        System.out.println("  slower than 2 s at first: " + slow.size());
        slowest.forEach(answer -> System.out.println("  slowest: " + answer.line()));
        failures.stream().limit(40).forEach(failure -> System.out.println("  FAILED " + failure));

        assertThat(answers).hasSize(REQUESTS);
        assertThat(failures)
                .as("%d failures, the first ones above", failures.size())
                .isEmpty();
    }

    /** What is wrong with an answer, or null. */
    private static @Nullable String judge(Answer answer) {
        if (answer.status() < 0) {
            // A server may close the connection on a body above its limit once it has answered 413
            // (Tomcat stops reading after max-swallow-size); the client then sees no answer at all.
            return answer.sent().bodyBytes() > 1_048_576 ? null : "no answer";
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.contentType().startsWith("text/html")) {
            return "HTML page";
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "error that is not a problem";
            }
            if (!answer.sent().method().equals("HEAD")
                    && !answer.body().contains("\"type\":\"urn:cinemates:problem:")) {
                return "problem without a stable type";
            }
        }
        return null;
    }

    private static Answer send(HttpClient client, Sent sent) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(sent.request(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            return new Answer(
                    sent,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8),
                    millis);
        } catch (Exception e) {
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            return new Answer(sent, -1, "", String.valueOf(e), millis);
        }
    }

    private static List<Operation> operations(Map<String, JsonNode> descriptions) {
        List<Operation> operations = new ArrayList<>();
        descriptions.forEach((service, description) -> {
            for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                    JsonNode operation = entry.getValue();
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.path("parameters").forEach(parameters::add);
                    JsonNode body = operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    operations.add(new Operation(
                            service,
                            entry.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            parameters,
                            body.isMissingNode() ? null : body));
                }
            }
        });
        return operations;
    }

    private static @Nullable Sent request(
            Random random, Operation operation, String target, String base, Member member, JsonNode description) {
        List<String> what = new ArrayList<>();
        String method = operation.method();
        if (random.nextInt(100) < 12) {
            method = METHODS[random.nextInt(METHODS.length)];
            what.add("method");
        }
        // Path and query
        String path = operation.template();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            boolean mutate = random.nextInt(100) < 25;
            String value = mutate ? pick(random, HOSTILE) : valid(parameter.path("schema"), random, member);
            if (mutate) {
                what.add(in + " " + name);
            }
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encode(value.isEmpty() ? "x" : value));
            } else if (in.equals("query") && (mutate || random.nextInt(100) < 70)) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(encode(name))
                        .append('=')
                        .append(encode(value));
            }
        }
        if (random.nextInt(100) < 8) {
            query.append(query.isEmpty() ? '?' : '&')
                    .append(encode(pick(random, HOSTILE)))
                    .append('=')
                    .append("%FF%FE");
            what.add("odd query");
        }
        if (random.nextInt(100) < 3) {
            path = path
                    + pick(random, new String[] {"%C0%AF", "/%2e%2e/", "//", "%00", "/;jsessionid=1", "/.json", "%FF"});
            what.add("odd path");
        }
        // Body
        byte[] body = new byte[0];
        String contentType = null;
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("TRACE");
        JsonNode bodySchema = operation.body();
        if (hasBody && (bodySchema != null || random.nextInt(100) < 20)) {
            JsonNode valid = bodySchema != null
                    ? example(resolve(bodySchema, description), description, random, member, 0)
                    : NODES.objectNode();
            body = body(random, valid, what);
            contentType = "application/json";
        }
        if (random.nextInt(100) < 10) {
            contentType = pick(random, CONTENT_TYPES);
            what.add("Content-Type " + contentType);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + path + query))
                    .timeout(Duration.ofSeconds(15))
                    .method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return null; // not even a URI: the raw-bytes cases are EdgeProblemsIT's
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        credentials(random, operation, member, request, what);
        if (random.nextInt(100) < 10) {
            request.header("Accept", pick(random, ACCEPTS));
            what.add("Accept");
        }
        if (random.nextInt(100) < 6) {
            String[] header = pick(random, new String[][] {
                {"If-Match", "\"garbage\""},
                {"If-None-Match", "W/\"" + "x".repeat(500) + "\""},
                {"Range", "bytes=9-1,x"},
                {"X-Forwarded-For", "not-an-address, 999.1.1.1"},
                {"X-Request-Id", "a b c"},
                {"traceparent", "zz-1-2-3"},
                {"Origin", "https://evil.example"},
                {"Cookie", "access_token=; XSRF-TOKEN=" + "x".repeat(3_000)},
                {"If-Modified-Since", "yesterday"},
                {"Accept-Encoding", "gzip;q=x"},
                {"X-Service-Token", "guess"},
                {"Accept-Language", "de-CH-1901-x-" + "a".repeat(200)}
            });
            request.header(header[0], header[1]);
            what.add(header[0]);
        }
        return new Sent(target, method, path + query, String.join(", ", what), body.length, request.build());
    }

    private static void credentials(
            Random random, Operation operation, Member member, HttpRequest.Builder request, List<String> what) {
        int choice = random.nextInt(100);
        boolean mayUseTheMember = !operation.endsTheSession();
        if (choice < 35 && mayUseTheMember) {
            request.header("Authorization", "Bearer " + member.accessToken());
        } else if (choice < 45 && mayUseTheMember) {
            String xsrf = member.browser().cookie("XSRF-TOKEN").orElse("");
            request.header("Cookie", "access_token=" + member.accessToken() + "; XSRF-TOKEN=" + xsrf);
            if (random.nextBoolean()) {
                request.header("X-XSRF-TOKEN", xsrf);
            } else {
                what.add("no CSRF header");
            }
        } else if (choice < 55) {
            request.header("Authorization", "Bearer " + forged(random));
            what.add("forged token");
        } else if (choice < 62) {
            request.header("Authorization", pick(random, new String[] {
                "Bearer",
                "Bearer ",
                "Basic YWRtaW46YWRtaW4=",
                "Bearer " + "A".repeat(6_000),
                "Bearer a.b.c",
                "bearer " + member.accessToken() + "x",
                "Bearer " + member.accessToken() + " " + member.accessToken()
            }));
            what.add("odd Authorization");
        } else if (choice < 66) {
            request.header("Cookie", "access_token=" + forged(random));
            what.add("forged cookie");
        }
    }

    /** A token that looks right but is not: unknown key, no signature, wrong claims or expired. */
    private static String forged(Random random) {
        return switch (random.nextInt(5)) {
            case 0 ->
                TestTokens.sign(
                        TestTokens.claims(random.nextInt(1000) + 1, "mallory", List.of("USER", "ADMIN")),
                        FORGERS.get(random.nextInt(2)),
                        "at+jwt");
            case 1 ->
                base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "."
                        + base64("{\"sub\":\"1\",\"roles\":[\"ADMIN\"],\"exp\":9999999999}") + ".";
            case 2 ->
                base64("{\"alg\":\"HS256\",\"kid\":\"../../../../dev/null\"}") + "." + base64("{\"sub\":\"1\"}") + "."
                        + base64("sig");
            case 3 ->
                TestTokens.sign(
                        TestTokens.claimsBuilder(1, "expired", List.of("USER"))
                                .expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000))
                                .build(),
                        FORGERS.get(2),
                        "at+jwt");
            default ->
                base64("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(2_000) + "\"}") + "." + base64("{}") + "."
                        + base64("x");
        };
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body: a valid-looking one, then (mostly) broken in one way. */
    private static byte[] body(Random random, JsonNode valid, List<String> what) {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return JSON.writeValueAsBytes(valid);
        }
        if (kind < 40 && valid instanceof ObjectNode object && !object.isEmpty()) {
            ObjectNode changed = object.deepCopy();
            List<String> names = new ArrayList<>(changed.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> changed.remove(name);
                case 1 -> changed.putNull(name);
                case 2 -> changed.put(name, pick(random, HOSTILE));
                case 3 -> changed.put(name, random.nextInt(3) == 0 ? Long.MAX_VALUE : -1);
                case 4 -> changed.set(name, NODES.arrayNode().add(1).add("two"));
                default -> changed.put(name, random.nextBoolean());
            }
            what.add("field " + name);
            return JSON.writeValueAsBytes(changed);
        }
        if (kind < 50 && valid instanceof ObjectNode object) {
            ObjectNode changed = object.deepCopy();
            changed.put("__proto__", "x")
                    .put("extra" + random.nextInt(9), pick(random, HOSTILE))
                    .put("admin", true);
            what.add("extra fields");
            return JSON.writeValueAsBytes(changed);
        }
        String text = switch (random.nextInt(14)) {
            case 0 -> "[".repeat(random.nextInt(100_000) + 1_000) + "]".repeat(10);
            case 1 -> "{\"a\":".repeat(random.nextInt(50_000) + 1_000) + "1";
            case 2 -> "{\"displayName\":\"" + "a".repeat(random.nextInt(900_000) + 50_000) + "\u0000\"}";
            case 3 -> "[" + "1,".repeat(200_000) + "1]";
            case 4 ->
                JSON.writeValueAsString(valid)
                        .substring(0, Math.max(1, JSON.writeValueAsString(valid).length() / 2));
            case 5 -> "<?xml version=\"1.0\"?><a>&xxe;</a>";
            case 6 -> "{\"password\":\"\\ud800\",\"login\":\"\\udfff\",\"review\":\"\\ud83d\",\"title\":\"\\ud800x\"}";
            case 7 -> "{\"score\":1e400,\"year\":-1e400,\"id\":123456789012345678901234567890}";
            case 8 -> "{\"a\":1,\"a\":2,\"score\":4.0,\"score\":\"x\"}";
            case 9 -> "null";
            case 10 -> "\"just a string\"";
            case 11 -> "{\"text\":\"" + "\\u0000".repeat(1_000) + "\"}";
            case 12 -> "x".repeat(1_100_000);
            default -> "";
        };
        what.add("body " + (text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text));
        if (random.nextInt(10) == 0) {
            byte[] bytes = text.isEmpty()
                    ? "{\"a\":\"\"}".getBytes(StandardCharsets.UTF_8)
                    : text.getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[bytes.length + 3];
            System.arraycopy(bytes, 0, broken, 0, bytes.length);
            broken[bytes.length] = (byte) 0xC3;
            broken[bytes.length + 1] = (byte) 0x28;
            broken[bytes.length + 2] = (byte) 0xFF;
            what.add("invalid UTF-8");
            return broken;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode description) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return description.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** A value the schema describes, as a well-behaved client would send. */
    private static JsonNode example(JsonNode schema, JsonNode description, Random random, Member member, int depth) {
        JsonNode resolved = resolve(schema, description);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        switch (resolved.path("type").asString("object")) {
            case "integer":
                return NODES.numberNode(
                        resolved.has("minimum")
                                ? Math.max(1, resolved.path("minimum").asLong())
                                : member.id());
            case "number":
                return NODES.numberNode(4.0);
            case "boolean":
                return NODES.booleanNode(true);
            case "string":
                return NODES.stringNode(stringFor(resolved, random));
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(example(resolved.path("items"), description, random, member, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property :
                            resolved.path("properties").properties()) {
                        object.set(
                                property.getKey(),
                                example(property.getValue(), description, random, member, depth + 1));
                    }
                }
                return object;
            }
        }
    }

    private static String stringFor(JsonNode schema, Random random) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.net";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            default -> "fuzz-" + random.nextInt(1_000_000) + "-text";
        };
    }

    private static String valid(JsonNode schema, Random random, Member member) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer", "number" ->
                schema.has("minimum")
                        ? String.valueOf(Math.max(1, schema.path("minimum").asLong()))
                        : String.valueOf(random.nextBoolean() ? member.id() : random.nextInt(200) + 1);
            case "boolean" -> "true";
            default -> "fuzz";
        };
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Percent-encodes, except that a literal %FF stays a byte that is not UTF-8. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%25FF", "%FF");
    }
}
