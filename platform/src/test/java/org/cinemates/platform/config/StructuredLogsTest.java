package org.cinemates.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code CINEMATES_LOG_FORMAT=json} has Boot write each line as ECS JSON
 * ({@code logging.structured.format.console=ecs}); the trace context that tracing keeps in the
 * MDC must be part of it.
 */
class StructuredLogsTest {

    @Test
    void jsonLinesCarryTheTraceAndSpanId() {
        var context = new LoggerContext();
        context.putObject(
                Environment.class.getName(),
                new MockEnvironment().withProperty("spring.application.name", "some-service"));
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        var event = new LoggingEvent(
                getClass().getName(), context.getLogger("some.Logger"), Level.WARN, "Something happened", null, null);
        event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(json.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.path("spanId").asString()).isEqualTo("00f067aa0ba902b7");
    }
}
