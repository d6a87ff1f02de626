package org.cinemates.recommender.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cinemates.recommender.data.MovieContentCsv;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.CinematesHybrid;
import org.cinemates.recommender.model.ContentModel;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.UserProfile;

/**
 * A new member's view: the model learns from all training ratings, but each user is served by
 * fold-in of only {@code known} of their training ratings (a seeded pick), as a member who has
 * just rated a few movies. With content, the {@value #POOL} best are re-ranked by adding {@value
 * #CONTENT_WEIGHT} × the content score (genres and tags) of the member's taste: the best of the
 * weights and pools tried (0.03 to 1, 30 to all); without, collaborative filtering alone.
 */
final class FewRatingsHybrid implements Algorithm {

    static final float CONTENT_WEIGHT = 0.1f;

    static final int POOL = 30;

    private final HybridConfig config;
    private final int known;
    private final MovieContentCsv.Content content;
    private final boolean withContent;
    private final long seed;

    FewRatingsHybrid(HybridConfig config, int known, MovieContentCsv.Content content, boolean withContent, long seed) {
        this.config = config;
        this.known = known;
        this.content = content;
        this.withContent = withContent;
        this.seed = seed;
    }

    static String name(int known, boolean withContent) {
        return CinematesHybrid.NAME + "-" + known + "-ratings" + (withContent ? "+content" : "");
    }

    @Override
    public String name() {
        return name(known, withContent);
    }

    @Override
    public Predictor fit(Ratings training) {
        HybridModel model = HybridModel.train(training, config);
        ContentModel items = withContent
                ? ContentModel.build(
                        training.itemCount(),
                        item -> content.genresOf(training.items().id(item)),
                        item -> content.tagsOf(training.items().id(item)))
                : ContentModel.empty();
        UserProfile[] profiles = new UserProfile[training.userCount()];
        float[][] tastes = new float[training.userCount()][];
        Parallel.forEach(training.userCount(), 4, u -> {
            int[] all = training.itemsOf(u);
            int n = Math.min(known, all.length);
            SplittableRandom random = new SplittableRandom(seed * 31 + u);
            for (int k = 0; k < n; k++) {
                int j = k + random.nextInt(all.length - k);
                int t = all[k];
                all[k] = all[j];
                all[j] = t;
            }
            int[] picked = Arrays.copyOf(all, n);
            Arrays.sort(picked);
            float[] scores = new float[n];
            for (int k = 0; k < n; k++) {
                scores[k] = training.score(u, picked[k]);
            }
            profiles[u] = model.foldIn(picked, scores);
            if (withContent) {
                List<float[]> vectors = new ArrayList<>(n);
                List<Float> pulls = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    vectors.add(items.vector(picked[k]));
                    pulls.add(scores[k]);
                }
                tastes[u] = items.taste(vectors, pulls);
            }
        });
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return model.predict(profiles[user], item);
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                model.scoreItems(profiles[user], scores);
                if (withContent) {
                    items.rerank(tastes[user], CONTENT_WEIGHT, scores, POOL, item -> training.hasRated(user, item));
                }
            }
        };
    }
}
