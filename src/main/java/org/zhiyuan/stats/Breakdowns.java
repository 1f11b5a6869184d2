package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.stats.Breakdown.Item;
import org.zhiyuan.volunteer.VolunteerCategory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A region's figures split by one dimension, read from the rollups: its sub-regions one
 * level down (with their populations and shares, and the facts held at the region
 * itself), the service fields, the volunteer categories, gender, age bands (with the men
 * and women of each) and months. Callers check who may read them.
 */
@Component
class Breakdowns {

	private static final DateTimeFormatter CHINESE_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINESE);

	private static final DateTimeFormatter ENGLISH_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private final StatsRepository repository;

	private final Regions regions;

	private final Populations populations;

	private final MessageSource messages;

	Breakdowns(StatsRepository repository, Regions regions, Populations populations, MessageSource messages) {
		this.repository = repository;
		this.regions = regions;
		this.populations = populations;
		this.messages = messages;
	}

	/**
	 * The items of the region's breakdown by {@code by}, labels in the locale's language.
	 */
	List<Item> of(Dimension by, String node, ReportPeriod period, Locale locale) {
		return switch (by) {
			case REGION -> byRegion(node, period, locale);
			case FIELD -> byField(node, period, locale);
			case CATEGORY -> byCategory(node, period, locale);
			case GENDER -> byGender(node, period, locale);
			case AGE_BAND -> byAgeBand(node, period, locale);
			case MONTH -> byMonth(node, period, locale);
		};
	}

	private List<Item> byRegion(String node, ReportPeriod period, Locale locale) {
		List<String> children = new ArrayList<>(
				this.regions.children(node).stream().map(Region::code).sorted().toList());
		String key = period.activeKey();
		List<String> nodes = new ArrayList<>(children);
		nodes.add(node);
		Map<Figure, Map<String, BigDecimal>> totals = this.repository.totalsByNode(nodes, monthOf(period.from()),
				monthOf(period.to()), key);
		Map<String, BigDecimal> volunteers = totals.get(Figure.REGISTERED);
		Map<String, BigDecimal> organizations = totals.get(Figure.ORGANIZATIONS);
		Map<String, BigDecimal> activities = totals.get(Figure.ACTIVITIES);
		Map<String, BigDecimal> hours = totals.get(Figure.HOURS);
		Map<String, BigDecimal> active = new HashMap<>();
		if (key != null) {
			active.putAll(totals.get(Figure.ACTIVE));
		}
		else {
			Map<String, BigDecimal> byPrefix = this.repository.activeBetweenEach(Regions.prefixOf(node),
					children.stream().map(Regions::prefixOf).toList(), monthOf(period.from()), monthOf(period.to()));
			for (String child : children) {
				active.put(child, byPrefix.get(Regions.prefixOf(child)));
			}
		}
		Map<String, Long> residents = this.populations.of(children);
		List<Item> items = new ArrayList<>();
		for (String child : children) {
			long registered = count(volunteers, child);
			items.add(new Item(child, this.regions.displayName(child, locale), registered, count(active, child),
					hours(hours, child), count(activities, child), count(organizations, child), residents.get(child),
					Statistics.share(registered, residents.get(child))));
		}
		directly(node, period, children, totals, locale).ifPresent(items::add);
		return items;
	}

	/**
	 * The facts held at the region itself rather than in one of its sub-regions (a
	 * volunteer who named a district, not a street), when there are any: the region's
	 * totals less its sub-regions'.
	 */
	private Optional<Item> directly(String node, ReportPeriod period, List<String> children,
			Map<Figure, Map<String, BigDecimal>> totals, Locale locale) {
		long registered = count(totals.get(Figure.REGISTERED), node) - sum(totals.get(Figure.REGISTERED), children);
		long organized = count(totals.get(Figure.ORGANIZATIONS), node)
				- sum(totals.get(Figure.ORGANIZATIONS), children);
		long held = count(totals.get(Figure.ACTIVITIES), node) - sum(totals.get(Figure.ACTIVITIES), children);
		BigDecimal served = hours(totals.get(Figure.HOURS), node);
		for (String child : children) {
			served = served.subtract(hours(totals.get(Figure.HOURS), child));
		}
		long active = this.repository.activeAt(node, period.activeKey(), monthOf(period.from()), monthOf(period.to()));
		if (registered == 0 && organized == 0 && held == 0 && served.signum() == 0 && active == 0) {
			return Optional.empty();
		}
		String label = this.messages.getMessage("stats.directly",
				new Object[] { this.regions.displayName(node, locale) }, locale);
		return Optional.of(new Item(node, label, registered, active, served, held, organized, null, null));
	}

	private static long sum(Map<String, BigDecimal> values, List<String> nodes) {
		return nodes.stream().mapToLong((node) -> count(values, node)).sum();
	}

	private List<Item> byField(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> active = active(node, Dim.FIELD, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.FIELD, period);
		Map<String, BigDecimal> activities = dated(Figure.ACTIVITIES, node, Dim.FIELD, period);
		Map<String, BigDecimal> organizations = this.repository.byKey(Figure.ORGANIZATIONS, node, Dim.FIELD, null,
				null);
		List<Item> items = new ArrayList<>();
		for (ServiceField field : ServiceField.values()) {
			String key = field.name();
			items.add(new Item(key, label("serviceField." + key, locale), null, count(active, key), hours(hours, key),
					count(activities, key), count(organizations, key), null, null));
		}
		return items;
	}

	private List<Item> byCategory(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> volunteers = this.repository.byKey(Figure.REGISTERED, node, Dim.CATEGORY, null, null);
		Map<String, BigDecimal> active = active(node, Dim.CATEGORY, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.CATEGORY, period);
		List<Item> items = new ArrayList<>();
		for (VolunteerCategory category : VolunteerCategory.values()) {
			String key = category.name();
			items.add(new Item(key, label("category." + key, locale), count(volunteers, key), count(active, key),
					hours(hours, key), null, null, null, null));
		}
		return items;
	}

	private List<Item> byGender(String node, ReportPeriod period, Locale locale) {
		Map<String, BigDecimal> volunteers = this.repository.byKey(Figure.REGISTERED, node, Dim.GENDER, null, null);
		Map<String, BigDecimal> active = active(node, Dim.GENDER, period);
		Map<String, BigDecimal> hours = dated(Figure.HOURS, node, Dim.GENDER, period);
		List<String> keys = new ArrayList<>(List.of(Gender.MALE.name(), Gender.FEMALE.name()));
		if (count(volunteers, Dim.UNKNOWN) != 0 || count(active, Dim.UNKNOWN) != 0
				|| hours(hours, Dim.UNKNOWN).signum() != 0) {
			keys.add(Dim.UNKNOWN);
		}
		List<Item> items = new ArrayList<>();
		for (String key : keys) {
			items.add(new Item(key,
					Dim.UNKNOWN.equals(key) ? label("stats.unknown", locale) : label("gender." + key, locale),
					count(volunteers, key), count(active, key), hours(hours, key), null, null, null, null));
		}
		return items;
	}

	/**
	 * Birth years gathered into bands by the age reached in the period's last year, with
	 * the registered men and women of each band.
	 */
	private List<Item> byAgeBand(String node, ReportPeriod period, Locale locale) {
		int year = period.ageYear();
		Map<AgeBand, BigDecimal> volunteers = bands(
				this.repository.byKey(Figure.REGISTERED, node, Dim.BIRTH_YEAR, null, null), year);
		Map<String, Map<String, BigDecimal>> byGender = new HashMap<>();
		this.repository.byKey(Figure.REGISTERED, node, Dim.GENDER_YEAR, null, null).forEach((key, value) -> {
			int colon = key.indexOf(':');
			byGender.computeIfAbsent(key.substring(0, colon), (gender) -> new HashMap<>())
				.put(key.substring(colon + 1), value);
		});
		Map<AgeBand, BigDecimal> male = bands(byGender.getOrDefault(Gender.MALE.name(), Map.of()), year);
		Map<AgeBand, BigDecimal> female = bands(byGender.getOrDefault(Gender.FEMALE.name(), Map.of()), year);
		Map<AgeBand, BigDecimal> active = bands(active(node, Dim.BIRTH_YEAR, period), year);
		Map<AgeBand, BigDecimal> hours = bands(dated(Figure.HOURS, node, Dim.BIRTH_YEAR, period), year);
		List<Item> items = new ArrayList<>();
		for (AgeBand band : AgeBand.values()) {
			if (band == AgeBand.UNKNOWN && !volunteers.containsKey(band) && !active.containsKey(band)
					&& !hours.containsKey(band)) {
				continue;
			}
			items.add(new Item(band.name(), label("stats.ageBand." + band.name(), locale),
					volunteers.getOrDefault(band, BigDecimal.ZERO).longValue(),
					active.getOrDefault(band, BigDecimal.ZERO).longValue(),
					scaled(hours.getOrDefault(band, BigDecimal.ZERO)), null, null, null, null,
					male.getOrDefault(band, BigDecimal.ZERO).longValue(),
					female.getOrDefault(band, BigDecimal.ZERO).longValue()));
		}
		return items;
	}

	private List<Item> byMonth(String node, ReportPeriod period, Locale locale) {
		YearMonth first = period.from();
		YearMonth last = period.to();
		if (first == null || last == null) {
			Optional<String[]> span = this.repository.monthsWithData(node);
			if (span.isEmpty()) {
				return List.of();
			}
			first = (first != null) ? first : YearMonth.parse(span.get()[0]);
			last = (last != null) ? last : YearMonth.parse(span.get()[1]);
			if (first.isAfter(last)) {
				return List.of();
			}
			if (ChronoUnit.MONTHS.between(first, last) >= Statistics.MAX_MONTHS) {
				if (period.from() == null) {
					first = last.minusMonths(Statistics.MAX_MONTHS - 1);
				}
				else {
					last = first.plusMonths(Statistics.MAX_MONTHS - 1);
				}
			}
		}
		Map<String, BigDecimal> active = this.repository.byMonth(Figure.ACTIVE, node, first.toString(),
				last.toString());
		Map<String, BigDecimal> hours = this.repository.byMonth(Figure.HOURS, node, first.toString(), last.toString());
		Map<String, BigDecimal> activities = this.repository.byMonth(Figure.ACTIVITIES, node, first.toString(),
				last.toString());
		DateTimeFormatter format = Regions.isEnglish(locale) ? ENGLISH_MONTH : CHINESE_MONTH;
		List<Item> items = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			String key = month.toString();
			items.add(new Item(key, month.format(format), null, count(active, key), hours(hours, key),
					count(activities, key), null, null, null));
		}
		return items;
	}

	/**
	 * Active volunteers of the period by key: from the rollups, or counted from months.
	 */
	Map<String, BigDecimal> active(String node, Dim dim, ReportPeriod period) {
		String key = period.activeKey();
		if (key != null) {
			return this.repository.byKey(Figure.ACTIVE, node, dim, key, key);
		}
		return this.repository.activeBetween(Regions.prefixOf(node), dim, monthOf(period.from()), monthOf(period.to()));
	}

	private Map<String, BigDecimal> dated(Figure figure, String node, Dim dim, ReportPeriod period) {
		return this.repository.byKey(figure, node, dim, monthOf(period.from()), monthOf(period.to()));
	}

	private static Map<AgeBand, BigDecimal> bands(Map<String, BigDecimal> byBirthYear, int year) {
		Map<AgeBand, BigDecimal> bands = new EnumMap<>(AgeBand.class);
		byBirthYear.forEach((birthYear, value) -> {
			AgeBand band = Dim.UNKNOWN.equals(birthYear) ? AgeBand.UNKNOWN
					: AgeBand.of(Integer.parseInt(birthYear), year);
			if (value != null && value.signum() != 0) {
				bands.merge(band, value, BigDecimal::add);
			}
		});
		return bands;
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	static String monthOf(YearMonth month) {
		return (month != null) ? month.toString() : null;
	}

	static long count(Map<String, BigDecimal> values, String key) {
		BigDecimal value = values.get(key);
		return (value != null) ? value.longValue() : 0;
	}

	private static BigDecimal hours(Map<String, BigDecimal> values, String key) {
		BigDecimal value = values.get(key);
		return scaled((value != null) ? value : BigDecimal.ZERO);
	}

	static BigDecimal scaled(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP);
	}

}
