package org.cinemates.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link ServiceRuntime#prepare()} in a JVM of its own that sees two cores, as a service's main would. */
class ServiceRuntimeTest {

    /** The child JVM: prepares, then reports the pool and where an async stage ran. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            ServiceRuntime.prepare();
        }
        String thread = CompletableFuture.supplyAsync(
                        () -> Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS);
        System.out.println(ForkJoinPool.getCommonPoolParallelism() + " " + thread + " "
                + TimeZone.getDefault().getID());
    }

    @Test
    void onTwoCoresAsyncStagesRunOnThePooledThreadsInUtc() throws Exception {
        assertThat(runOnTwoCores(List.of())).matches("2 ForkJoinPool\\.commonPool-worker-\\d+ UTC");
    }

    @Test
    void withoutItEveryAsyncStageGetsAThreadOfItsOwn() throws Exception {
        // What prepare() prevents: a one-thread common pool, and a new thread per stage.
        assertThat(runOnTwoCores(List.of("unprepared"))).startsWith("1 Thread-");
    }

    @Test
    void anExplicitSettingWins() throws Exception {
        assertThat(runOnTwoCores(List.of(), "-D" + ServiceRuntime.COMMON_POOL_PARALLELISM + "=3"))
                .startsWith("3 ForkJoinPool.commonPool-worker-");
    }

    private static String runOnTwoCores(List<String> args, String... jvmOptions)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:ActiveProcessorCount=2", "-Xshare:auto"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceRuntimeTest.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
