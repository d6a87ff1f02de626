package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * History imports through nginx: the imports path takes files of up to 50 MB (a Letterboxd export
 * with years of diary), every other path stays at 1 MB, and a bigger file is a 413 problem, not a
 * bare page or a cut connection.
 */
@Order(2)
class ImportUploadIT extends EndToEnd {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DIARY = """
            Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
            2024-03-02,The Matrix,1999,https://boxd.it/e2e1,4.5,,,2024-03-01
            """;

    @Test
    void aFortyMegabyteExportPassesTheEdgeAndIsAnalysed() throws Exception {
        Member member = join("importer");
        // A Letterboxd ZIP with its diary and 40 MB of something else an export may carry: the
        // edge and the service take it whole, and the import reads the diary and names the rest.
        byte[] padding = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(padding);
        byte[] export = zip("diary.csv", DIARY.getBytes(StandardCharsets.UTF_8), "extras/posters.bin", padding);
        assertThat(export.length).isGreaterThan(40 * 1024 * 1024);

        HttpResponse<String> uploaded = upload(member, "letterboxd-export.zip", export);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        long id = JSON.readTree(uploaded.body()).path("id").asLong();
        JsonNode analysed = eventually(
                Duration.ofSeconds(60),
                () -> member.browser()
                        .get("/api/preferences/imports/" + id)
                        .send()
                        .json(),
                view -> !view.path("state").asString().equals("ANALYSING"),
                "the import to be analysed");
        assertThat(analysed.path("state").asString()).isEqualTo("PREVIEW");
        assertThat(analysed.path("counts").path("rows").asInt()).isEqualTo(1);
        assertThat(analysed.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(analysed.path("skipped").toString()).contains("extras/posters.bin");
    }

    @Test
    void overFiftyMegabytesOnTheImportsPathIsAProblem413() {
        Member member = join("importer");
        byte[] tooBig = new byte[51 * 1024 * 1024];

        HttpResponse<String> refused = upload(member, "letterboxd-export.zip", tooBig);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":413");
    }

    @Test
    void theFiftyMegabyteAllowanceIsTheImportPathsAlone() {
        Member member = join("importer");
        String twoMegabytes = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        ApiResponse refused = member.browser()
                .post("/api/preferences/lists")
                .rawJson(twoMegabytes)
                .send();

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static HttpResponse<String> upload(Member member, String fileName, byte[] content) {
        String boundary = "----cinemates-e2e-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/preferences/imports"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + member.accessToken())
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(String name, byte[] content, String otherName, byte[] other) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + other.length + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Stored as it is: random bytes do not compress, and level 0 keeps building it quick.
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(otherName));
            zip.write(other);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
