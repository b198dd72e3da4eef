package org.ac1explorer.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small synchronised least-recently-used cache. */
public final class Lru<K, V> {
    private final Map<K, V> map;

    public Lru(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        map.put(key, value);
    }

    public synchronized void clear() {
        map.clear();
    }
}
