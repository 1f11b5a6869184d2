package org.zhiyuan.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.GZIPInputStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * The fifth level, loaded one province at a time on first use and then kept: the start-up
 * never reads it, and a lookup in Beijing reads Beijing's file only. Safe for concurrent
 * use; a province is read once even when many requests ask for it at the same moment.
 */
final class Communities {

	static final String FOLDER = "region/communities/";

	private static final Log logger = LogFactory.getLog(Communities.class);

	/** None at all: for directories built from a list in tests. */
	static final Communities NONE = new Communities(null);

	private final String folder;

	private final ConcurrentMap<String, Province> provinces = new ConcurrentHashMap<>();

	Communities(String folder) {
		this.folder = folder;
	}

	/**
	 * The communities of a province (two digits), read on first use; empty when it has
	 * none.
	 */
	Optional<CommunityTable> of(String province) {
		if (this.folder == null) {
			return Optional.empty();
		}
		return this.provinces.computeIfAbsent(province, Province::new).table();
	}

	/** How many provinces have been read so far. */
	int loaded() {
		return (int) this.provinces.values().stream().filter(Province::isLoaded).count();
	}

	/** One province's table, read by the first caller while the others wait for it. */
	private final class Province {

		private final String code;

		private volatile Optional<CommunityTable> table;

		Province(String code) {
			this.code = code;
		}

		boolean isLoaded() {
			return this.table != null;
		}

		Optional<CommunityTable> table() {
			Optional<CommunityTable> result = this.table;
			if (result == null) {
				synchronized (this) {
					result = this.table;
					if (result == null) {
						result = read();
						this.table = result;
					}
				}
			}
			return result;
		}

		private Optional<CommunityTable> read() {
			ClassPathResource resource = new ClassPathResource(Communities.this.folder + this.code + ".txt.gz");
			if (!resource.exists()) {
				return Optional.empty();
			}
			long started = System.nanoTime();
			try (InputStream in = new GZIPInputStream(resource.getInputStream(), 1 << 16)) {
				CommunityTable table = CommunityTable.read(new InputStreamReader(in, StandardCharsets.UTF_8));
				if (logger.isDebugEnabled()) {
					logger.debug("Read the " + table.size() + " communities of province " + this.code + " in "
							+ (System.nanoTime() - started) / 1_000_000 + " ms");
				}
				return Optional.of(table);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the community dataset " + resource.getPath(), ex);
			}
		}

	}

}
