package org.zhiyuan.shared.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One kind of settings kept in memory, by key, as {@link SharedCaches} describes: a value
 * is served from memory while no change of the settings has been committed since it was
 * read.
 *
 * @param <K> the key, e.g. a region code
 * @param <V> the value read for it
 */
public final class SharedCache<K, V> {

	private final String name;

	private final int capacity;

	private final SharedCaches caches;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	SharedCache(String name, int capacity, SharedCaches caches) {
		this.name = name;
		this.capacity = capacity;
		this.caches = caches;
	}

	/**
	 * The value for the key: from memory when it is current, else read with the loader
	 * (and kept, unless the current transaction has changed these settings and so may see
	 * what has not committed).
	 */
	public V get(K key, Function<K, V> loader) {
		if (this.caches.changedHere(this.name)) {
			return loader.apply(key);
		}
		// the version is taken before the read, so that a value read while a change
		// commits is kept under the older version, and dropped at the next poll
		long version = this.caches.current(this.name);
		if (version < 0) {
			return loader.apply(key);
		}
		Entry<V> entry = this.entries.get(key);
		if (entry != null && entry.version() == version) {
			return entry.value();
		}
		V value = loader.apply(key);
		if (value != null) {
			if (this.entries.size() >= this.capacity) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(version, value));
		}
		return value;
	}

	private record Entry<V>(long version, V value) {

	}

}
