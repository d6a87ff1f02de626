package org.cinemates.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends bytes no well-behaved HTTP client would (a broken request line, control characters in a
 * header, bytes that are not UTF-8 in the path) and reads the answer. One request per connection.
 */
public final class RawHttp {

    private RawHttp() {}

    /** An answer: status, headers by lower-case name (last one wins), body as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public String contentType() {
            return header("content-type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    /** Sends {@code head} (request line and headers, lines ended by CRLF, without the blank line). */
    public static Answer send(String host, int port, String head) {
        return send(host, port, head.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    public static Answer send(String host, int port, byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            // One write, so the request arrives whole: a server that answers once it has read the
            // request line must not close on a head whose rest is still on its way.
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head);
            request.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            request.write(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw request to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }
}
