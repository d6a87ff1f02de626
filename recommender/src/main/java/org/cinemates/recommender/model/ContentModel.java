package org.cinemates.recommender.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * What movies are about: each movie is a TF-IDF vector of its genres and tags (tags given to a
 * single movie are left out as noise), normalised to length 1. A member's taste is the sum of the
 * vectors of what they rated, each pulled by how far the score is from {@value #PIVOT}★ (liked
 * towards, disliked away), normalised; a movie's content score is the cosine of taste and movie,
 * from −1 to 1.
 *
 * <p>Measured on MovieLens, blending content into what collaborative filtering ranks for a member
 * it can fold in lowers NDCG@10 at every weight tried ({@code evaluate --algorithms
 * cinemates-hybrid-3-ratings,cinemates-hybrid-3-ratings+content}), so serving uses content where
 * collaborative filtering knows nothing: movies the model has not learned, and members whose
 * ratings are all of such movies. Movies outside the model get vectors from their genres and tags
 * with this model's vocabulary ({@link #vector}).
 */
public final class ContentModel {

    /** Scores above this pull a member's taste towards a movie's genres and tags; below, away. */
    public static final float PIVOT = 3.0f;

    /** Tags used for fewer movies than this are left out. */
    static final int MIN_TAG_MOVIES = 2;

    private static final ContentModel EMPTY =
            new ContentModel(new int[1], new int[0], new float[0], new String[0], new float[0], Map.of(), 0);

    /** Item {@code i}'s features are {@code features[offsets[i] .. offsets[i + 1])}. */
    private final int[] offsets;

    private final int[] features;
    private final float[] weights;
    /** Display name of each feature (the genre or tag as first seen). */
    private final String[] names;
    /** Inverse document frequency of each feature. */
    private final float[] idf;
    /** Feature index by key ({@code genre:drama}, {@code tag:dark comedy}). */
    private final Map<String, Integer> vocabulary;
    /** Features {@code 0 .. genreCount - 1} are genres, the rest tags. */
    private final int genreCount;

    private ContentModel(
            int[] offsets,
            int[] features,
            float[] weights,
            String[] names,
            float[] idf,
            Map<String, Integer> vocabulary,
            int genreCount) {
        this.offsets = offsets;
        this.features = features;
        this.weights = weights;
        this.names = names;
        this.idf = idf;
        this.vocabulary = vocabulary;
        this.genreCount = genreCount;
    }

    /** A model that knows nothing: every vector and every content score is 0. */
    public static ContentModel empty() {
        return EMPTY;
    }

    /**
     * The content of items {@code 0 .. items - 1} from their genres and tags (either may be empty;
     * case is ignored, "(no genres listed)" and blank names are skipped).
     */
    public static ContentModel build(int items, IntFunction<List<String>> genresOf, IntFunction<List<String>> tagsOf) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Set<Integer>> genres = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            genres.add(featureIds(genresOf.apply(i), GENRE, ids, names));
        }
        int genreCount = names.size();
        List<Set<Integer>> tags = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            tags.add(featureIds(tagsOf.apply(i), TAG, ids, names));
        }
        int[] movies = new int[names.size()];
        for (int i = 0; i < items; i++) {
            genres.get(i).forEach(f -> movies[f]++);
            tags.get(i).forEach(f -> movies[f]++);
        }
        // Rare tags leave the vocabulary, so movies outside the model cannot bring them back either.
        ids.values().removeIf(f -> f >= genreCount && movies[f] < MIN_TAG_MOVIES);
        float[] idf = new float[names.size()];
        for (int f = 0; f < idf.length; f++) {
            idf[f] = (float) (Math.log((items + 1.0) / (movies[f] + 1.0)) + 1);
        }
        int[] offsets = new int[items + 1];
        List<Integer> features = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            features.addAll(genres.get(i));
            tags.get(i).stream().filter(f -> movies[f] >= MIN_TAG_MOVIES).forEach(features::add);
            offsets[i + 1] = features.size();
        }
        float[] weights = new float[features.size()];
        for (int i = 0; i < items; i++) {
            double norm = 0;
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                norm += idf[features.get(p)] * idf[features.get(p)];
            }
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                weights[p] = (float) (idf[features.get(p)] / Math.sqrt(norm));
            }
        }
        return new ContentModel(
                offsets,
                features.stream().mapToInt(Integer::intValue).toArray(),
                weights,
                names.toArray(String[]::new),
                idf,
                Map.copyOf(ids),
                genreCount);
    }

    private static final String GENRE = "genre:";
    private static final String TAG = "tag:";

    private static Set<Integer> featureIds(
            List<String> raw, String kind, Map<String, Integer> ids, List<String> names) {
        Set<Integer> found = new LinkedHashSet<>();
        for (String name : raw) {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("(")) {
                continue;
            }
            found.add(ids.computeIfAbsent(key(kind, trimmed), key -> {
                names.add(trimmed);
                return names.size() - 1;
            }));
        }
        return found;
    }

    private static String key(String kind, String name) {
        return kind + name.strip().toLowerCase(Locale.ROOT);
    }

    public int itemCount() {
        return offsets.length - 1;
    }

    public boolean isEmpty() {
        return features.length == 0;
    }

    /** An item's vector, over this model's features. */
    public float[] vector(int item) {
        float[] vector = new float[names.length];
        for (int p = offsets[item]; p < offsets[item + 1]; p++) {
            vector[features[p]] = weights[p];
        }
        return vector;
    }

    /** The vector of any movie from its genres and tags, over this model's features (unknown ones are left out). */
    public float[] vector(List<String> genres, List<String> tags) {
        float[] vector = new float[names.length];
        for (String genre : genres) {
            Integer f = vocabulary.get(key(GENRE, genre));
            if (f != null) {
                vector[f] = idf[f];
            }
        }
        for (String tag : tags) {
            Integer f = vocabulary.get(key(TAG, tag));
            if (f != null) {
                vector[f] = idf[f];
            }
        }
        return normalised(vector);
    }

    /**
     * A member's taste from the vectors of movies they rated and their scores, normalised; all zeros
     * when it says nothing (no rated movie has content, or every score is {@value #PIVOT}).
     */
    public float[] taste(List<float[]> rated, List<Float> scores) {
        float[] taste = new float[names.length];
        for (int k = 0; k < rated.size(); k++) {
            float pull = scores.get(k) - PIVOT;
            float[] vector = rated.get(k);
            for (int f = 0; f < taste.length; f++) {
                taste[f] += pull * vector[f];
            }
        }
        return normalised(taste);
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int f = 0; f < vector.length; f++) {
                vector[f] *= scale;
            }
        }
        return vector;
    }

    /** The cosine of a normalised taste or vector and one item (0 for an item without content). */
    public float score(float[] taste, int item) {
        float dot = 0;
        for (int p = offsets[item]; p < offsets[item + 1]; p++) {
            dot += taste[features[p]] * weights[p];
        }
        return dot;
    }

    /**
     * Re-ranks the {@code pool} best of {@code scores} (never an excluded item) by adding {@code
     * weight} × their content score: content chooses among what the scores find plausible, and cannot
     * lift an obscure movie past the pool.
     */
    public void rerank(float[] taste, float weight, float[] scores, int pool, IntPredicate excluded) {
        for (int item : TopN.select(scores, pool, excluded)) {
            if (item < itemCount()) {
                scores[item] += weight * score(taste, item);
            }
        }
    }

    /** The item's genre the taste likes best, if it likes any of the item's genres. */
    public Optional<String> likedGenre(float[] taste, int item) {
        int best = -1;
        for (int p = offsets[item]; p < offsets[item + 1]; p++) {
            int f = features[p];
            if (f < genreCount && taste[f] > 0 && (best < 0 || taste[f] > taste[best])) {
                best = f;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(names[best]);
    }
}
