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

	public int totalPages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

}
