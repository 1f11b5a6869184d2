package org.zhiyuan.bench.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * UUID version 7, as the platform makes them ({@code org.zhiyuan.shared.Ids}), but for a
 * given moment: generated rows get the ids they would have got when they were written.
 */
final class Uuids {

	private Uuids() {
	}

	static UUID v7(long epochMillis, SplittableRandom random) {
		long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
