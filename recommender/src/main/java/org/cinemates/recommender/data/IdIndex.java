package org.cinemates.recommender.data;

import java.util.Arrays;

/**
 * Dense indexes {@code 0..size-1} for external ids (user ids, movie ids), in first-seen order. An
 * open-addressing hash table of primitives, so a few hundred thousand ids cost a few megabytes and no
 * boxing. Frozen instances are immutable and safe to share between threads; a growing instance is not.
 */
public final class IdIndex {

    private static final int EMPTY = -1;

    private long[] ids;
    private int[] slots;
    private int size;
    private boolean frozen;

    public IdIndex() {
        this(16);
    }

    public IdIndex(int expected) {
        ids = new long[Math.max(4, expected)];
        slots = new int[tableSize(expected)];
        Arrays.fill(slots, EMPTY);
    }

    /** An index over the given ids, in that order (they must be distinct). */
    public static IdIndex of(long... ids) {
        IdIndex index = new IdIndex(ids.length);
        for (long id : ids) {
            if (index.indexOf(id) >= 0) {
                throw new IllegalArgumentException("Duplicate id " + id);
            }
            index.add(id);
        }
        return index.freeze();
    }

    /** The index of {@code id}, adding it at the end when it is new. */
    public int add(long id) {
        if (frozen) {
            throw new IllegalStateException("This index is frozen");
        }
        int mask = slots.length - 1;
        int slot = mix(id) & mask;
        while (true) {
            int index = slots[slot];
            if (index == EMPTY) {
                break;
            }
            if (ids[index] == id) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length + (ids.length >> 1) + 1);
        }
        ids[size] = id;
        slots[slot] = size;
        size++;
        if (size * 2L > slots.length) {
            rehash(slots.length * 2);
        }
        return size - 1;
    }

    /** The index of {@code id}, or -1 when it is unknown. */
    public int indexOf(long id) {
        int mask = slots.length - 1;
        int slot = mix(id) & mask;
        while (true) {
            int index = slots[slot];
            if (index == EMPTY) {
                return -1;
            }
            if (ids[index] == id) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The external id at {@code index}. */
    public long id(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ids[index];
    }

    public int size() {
        return size;
    }

    /** A copy of the ids in index order. */
    public long[] toArray() {
        return Arrays.copyOf(ids, size);
    }

    /** Stops growth; the index is immutable from here on. */
    public IdIndex freeze() {
        if (!frozen) {
            ids = Arrays.copyOf(ids, size);
            frozen = true;
        }
        return this;
    }

    private void rehash(int tableSize) {
        int[] fresh = new int[tableSize];
        Arrays.fill(fresh, EMPTY);
        int mask = tableSize - 1;
        for (int index = 0; index < size; index++) {
            int slot = mix(ids[index]) & mask;
            while (fresh[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            fresh[slot] = index;
        }
        slots = fresh;
    }

    private static int tableSize(int expected) {
        int wanted = Math.max(16, expected * 2);
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
