package org.cinemates.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or header it refuses to parse, an encoded slash or a
 * byte that is not UTF-8 in the path, a method such as CONNECT) as problem details instead of its
 * HTML page. Errors inside the application are answered by Spring and never reach this valve with
 * an empty body.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 405, 501 -> "This method or transfer encoding is not supported";
            case 505 -> "Use HTTP/1.1";
            default -> status >= 500 ? "Something went wrong on our side" : "The request could not be understood";
        };
        String body = "{\"type\":\"" + Problems.TYPE_PREFIX + ProblemDetailsAdvice.slugFor(status) + "\",\"title\":\""
                + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", RequestHeadersFilter.NO_STORE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer is already on its way: nothing more to say.
        }
    }
}
