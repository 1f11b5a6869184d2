package org.zhiyuan.shared;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list, in the API's shape: {@code {"items", "page", "size", "total"}}.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(this.items.stream().<R>map(mapper).toList(), this.page, this.size, this.total);
	}

	/** The requested page of a whole list held in memory (a short one). */
	public static <T> PageResult<T> of(List<T> all, PageQuery query) {
		int from = (int) Math.min((long) query.page() * query.size(), all.size());
		int to = Math.min(from + query.size(), all.size());
		return new PageResult<>(List.copyOf(all.subList(from, to)), query.page(), query.size(), all.size());
	}

	public int totalPages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

}
