package org.zhiyuan.access;

import java.util.List;

/**
 * What a module shows on the home page. Each module that has something for it provides a
 * bean of its own that implements this; the home page collects every such bean without
 * depending on the modules that provide them (as the personal data download does with
 * {@link PersonalDataSource}). Contributions are cheap: counts by SQL, a handful of rows,
 * never a read of another person's personal data.
 */
public interface HomeContributor {

	/** Platform-wide figures, the same for everyone (the page may cache them briefly). */
	default List<HomeFigure> figures() {
		return List.of();
	}

	/**
	 * The signed-in actor's work waiting in this module, counted within their scope
	 * (regions they operate, organizations they administer, their own invitations).
	 */
	default List<HomeQueue> queuesFor(Actor actor) {
		return List.of();
	}

	/**
	 * Panels for the actor, or for an anonymous visitor when {@code actorOrNull} is null.
	 */
	default List<HomePanel> panelsFor(Actor actorOrNull) {
		return List.of();
	}

}
