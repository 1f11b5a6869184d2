package org.zhiyuan.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeFigure;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.access.HomeQueue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a search and the platform's figures for everyone, activities recruiting
 * now, and for a signed-in person their own work first — a volunteer's next activity and
 * hours, staff's queues with their counts. What is shown comes from the modules'
 * {@link HomeContributor}s; the figures are cached for a short while, since they are the
 * same for everyone.
 */
@Controller
class HomeController {

	private final ObjectProvider<HomeContributor> contributors;

	private final Duration figuresTtl;

	private final AtomicReference<CachedFigures> figures = new AtomicReference<>();

	HomeController(ObjectProvider<HomeContributor> contributors,
			@Value("${zhiyuan.home.figures-ttl:PT1M}") Duration figuresTtl) {
		this.contributors = contributors;
		this.figuresTtl = figuresTtl;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		List<HomeContributor> all = this.contributors.orderedStream().toList();
		model.addAttribute("figures", figures(all));
		List<HomeQueue> queues = (actor != null) ? all.stream()
			.flatMap((contributor) -> contributor.queuesFor(actor).stream())
			.sorted(Comparator.comparingInt(HomeQueue::order))
			.toList() : List.of();
		model.addAttribute("queues", queues);
		List<HomePanel> panels = all.stream()
			.flatMap((contributor) -> contributor.panelsFor(actor).stream())
			.sorted(Comparator.comparingInt(HomePanel::order))
			.toList();
		model.addAttribute("minePanels",
				panels.stream().filter((panel) -> panel.section() == HomePanel.Section.MINE).toList());
		model.addAttribute("platformPanels",
				panels.stream().filter((panel) -> panel.section() == HomePanel.Section.PLATFORM).toList());
		return "home";
	}

	@GetMapping("/about")
	String about() {
		return "about";
	}

	private List<HomeFigure> figures(List<HomeContributor> all) {
		Instant now = Instant.now();
		CachedFigures cached = this.figures.get();
		if (cached != null && now.isBefore(cached.until())) {
			return cached.figures();
		}
		List<HomeFigure> fresh = all.stream()
			.flatMap((contributor) -> contributor.figures().stream())
			.sorted(Comparator.comparingInt(HomeFigure::order))
			.toList();
		this.figures.set(new CachedFigures(fresh, now.plus(this.figuresTtl)));
		return fresh;
	}

	/**
	 * The figures as last counted, and until when they are shown without counting again.
	 */
	private record CachedFigures(List<HomeFigure> figures, Instant until) {

	}

}
