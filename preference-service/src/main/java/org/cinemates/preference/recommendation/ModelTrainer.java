package org.cinemates.preference.recommendation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.community.CommunityImport;
import org.cinemates.preference.community.CommunityRatings;
import org.cinemates.preference.community.CommunityRatingsImported;
import org.cinemates.preference.rating.MemberRatings;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trains the model on a thread of its own (training itself uses every core, at a lower priority
 * than requests: see {@link TrainingThreads}), never on a request thread: after the community
 * import, every {@code retrainEvery} when ratings changed, and as soon as {@code
 * retrainAfterRatings} member ratings came in. A trained model is saved (so a restart
 * serves at once) and swapped in; a failed training is logged and the previous model keeps serving.
 *
 * <p>Members and community raters are two id spaces: a member is user {@code id} in the model, a
 * community rater user {@code -id}.
 */
@Component
class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    static final String MODEL_FILE = "preference-service-model.bin";

    private final MemberRatings memberRatings;
    private final CommunityRatings communityRatings;
    private final ModelHolder holder;
    private final CatalogContent catalogContent;
    private final CommunityImport community;
    private final PreferenceSettings.Recommender settings;
    private final int priorWeight;
    private final float minAverage;
    private final Path modelFile;
    private final Timer trainingTime;
    private final ScheduledExecutorService worker;

    private volatile @Nullable Thread workerThread;

    /** Where training runs: made by the worker thread before its first training, after it lowered its priority. */
    private volatile @Nullable TrainingThreads training;

    /** When the ratings the current model learned from were read; null before any model. */
    private volatile @Nullable Instant dataAt;

    private volatile boolean communityReady;

    ModelTrainer(
            MemberRatings memberRatings,
            CommunityRatings communityRatings,
            ModelHolder holder,
            CatalogContent catalogContent,
            CommunityImport community,
            PreferenceSettings settings,
            MeterRegistry meters,
            @Value("${cinemates.data-dir}") String dataDir) {
        this.memberRatings = memberRatings;
        this.communityRatings = communityRatings;
        this.holder = holder;
        this.catalogContent = catalogContent;
        this.community = community;
        this.settings = settings.recommender();
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "recommender-trainer");
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
        this.priorWeight = settings.recommendations().priorWeight();
        this.minAverage = settings.recommendations().minAverage().floatValue();
        this.modelFile = Path.of(dataDir).resolve(MODEL_FILE);
        this.trainingTime = Timer.builder("cinemates.recommender.training.seconds")
                .description("How long training the recommender took")
                .register(meters);
        Gauge.builder(
                        "cinemates.recommender.model.age.seconds",
                        holder,
                        h -> h.current()
                                .map(m -> Duration.between(m.model().metadata().trainedAt(), Instant.now())
                                                .toMillis()
                                        / 1000.0)
                                .orElse(Double.NaN))
                .register(meters);
        Gauge.builder(
                        "cinemates.recommender.model.ratings",
                        holder,
                        h -> h.current()
                                .map(m -> (double) m.model().metadata().ratings())
                                .orElse(0.0))
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.execute(this::loadSaved);
        long every = settings.checkEvery().toMillis();
        worker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void communityImported(CommunityRatingsImported imported) {
        communityReady = true;
        if (imported.changed() || holder.current().isEmpty()) {
            worker.execute(() -> {
                if (imported.changed() || holder.current().isEmpty()) {
                    trainIfEnoughRatings();
                }
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
        TrainingThreads threads = training;
        if (threads != null) {
            threads.shutdown();
        }
    }

    private void loadSaved() {
        if (!Files.isRegularFile(modelFile)) {
            return;
        }
        try {
            HybridModel model = HybridModel.load(modelFile);
            ServedModel served = serve(model);
            holder.swap(served);
            dataAt = model.metadata().trainedAt();
            log.info("Recommender: serving the saved model ({})", model.metadata());
            learnContent(served);
        } catch (IOException | RuntimeException e) {
            log.warn("Recommender: the saved model {} could not be read; training a new one", modelFile, e);
        }
    }

    /** Trains when the schedule or the member ratings since the last training say so. */
    private void check() {
        try {
            if (community.running() || !communityReady) {
                return;
            }
            holder.current().filter(served -> !served.knowsContent()).ifPresent(this::learnContent);
            Instant since = dataAt;
            if (since == null || holder.current().isEmpty()) {
                trainIfEnoughRatings();
                return;
            }
            long changed = memberRatings.changedSince(since);
            boolean due = Duration.between(since, Instant.now()).compareTo(settings.retrainEvery()) >= 0;
            if (changed >= settings.retrainAfterRatings() || (due && changed > 0)) {
                train(ModelTrainer::fit);
            }
        } catch (RuntimeException e) {
            log.warn("Recommender: checking whether to train failed", e);
        }
    }

    private void trainIfEnoughRatings() {
        long ratings = memberRatings.count() + communityRatings.count();
        if (ratings >= settings.minRatings()) {
            train(ModelTrainer::fit);
        }
    }

    private static HybridModel fit(Ratings ratings) {
        return HybridModel.train(ratings, HybridConfig.defaults());
    }

    /**
     * Trains on every rating now, with {@code algorithm}, and swaps the result in; on the calling
     * thread. Returns whether a new model serves; a failure leaves the previous one serving.
     */
    boolean train(Function<Ratings, HybridModel> algorithm) {
        Instant started = Instant.now();
        try {
            Ratings ratings = readRatings();
            TrainingThreads threads = trainingThreads();
            HybridModel model =
                    threads != null ? threads.run(() -> algorithm.apply(ratings)) : algorithm.apply(ratings);
            ServedModel served = serve(model);
            holder.swap(served);
            dataAt = started;
            Duration took = Duration.between(started, Instant.now());
            trainingTime.record(took);
            log.info("Recommender: trained on {} ratings in {} ms", ratings.size(), took.toMillis());
            try {
                Files.createDirectories(modelFile.toAbsolutePath().getParent());
                model.save(modelFile);
            } catch (IOException | RuntimeException e) {
                log.warn("Recommender: the model could not be saved to {}", modelFile, e);
            }
            learnContent(served);
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Recommender: training failed; the previous model keeps serving", e);
            return false;
        }
    }

    /** The training pool, made on the worker thread's first training; null on any other thread before that. */
    private @Nullable TrainingThreads trainingThreads() {
        TrainingThreads threads = training;
        if (threads == null && Thread.currentThread() == workerThread) {
            threads = TrainingThreads.onThisThread(settings.lowPriority());
            training = threads;
        }
        return threads;
    }

    /**
     * Adds the genres and tags of the serving model's movies, unless a newer model came meanwhile;
     * without movie-service the model serves without them and the next check tries again.
     */
    private void learnContent(ServedModel served) {
        try {
            catalogContent
                    .of(served.model())
                    .ifPresentOrElse(
                            content -> {
                                if (holder.replace(served, served.withContent(content))) {
                                    log.info("Recommender: content of {} movies known", content.itemCount());
                                }
                            },
                            () -> log.info(
                                    "Recommender: movie-service could not list the movies' genres and tags yet"));
        } catch (RuntimeException e) {
            log.warn("Recommender: learning the movies' genres and tags failed", e);
        }
    }

    /** Every member rating (user {@code id}) and community rating (user {@code -id}), with its time. */
    private Ratings readRatings() {
        Ratings.Builder builder = Ratings.builder();
        communityRatings.forEach((rater, movie, score, at) -> builder.add(-rater, movie, score, at));
        memberRatings.forEach((member, movie, score, at) -> builder.add(member, movie, score, at));
        return builder.build();
    }

    private static void add(Map<Long, double[]> totals, long movie, int count, double sum) {
        double[] total = totals.computeIfAbsent(movie, id -> new double[2]);
        total[0] += count;
        total[1] += sum;
    }

    /** The model with its popularity figures, from every rating as they are now. */
    private ServedModel serve(HybridModel model) {
        Map<Long, double[]> totals = new HashMap<>();
        communityRatings.forEachMovie((movie, count, sum) -> add(totals, movie, count, sum));
        memberRatings.forEachMovie((movie, count, sum) -> add(totals, movie, count, sum));
        long[] movieIds = new long[totals.size()];
        int[] countArray = new int[totals.size()];
        double[] sumArray = new double[totals.size()];
        int k = 0;
        for (Map.Entry<Long, double[]> total : totals.entrySet()) {
            movieIds[k] = total.getKey();
            countArray[k] = (int) total.getValue()[0];
            sumArray[k++] = total.getValue()[1];
        }
        return ServedModel.of(model, movieIds, countArray, sumArray, priorWeight, minAverage);
    }
}
