package org.zhiyuan.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.audit.AuditEntry;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditNames;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditPeople;
import org.zhiyuan.region.Regions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns audit entries into rows a person can read: action codes into the viewer's words,
 * account ids into names, object ids into the objects' names where their module knows
 * them, the loopback address into "this computer", times into the viewer's zone.
 */
@Component
class AuditPresenter {

	static final ZoneId VIEWER_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Set<String> LOOPBACK = Set.of("::1", "0:0:0:0:0:0:0:1");

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Regions regions;

	private final List<AuditNames> names;

	private final ObjectProvider<AuditPeople> people;

	AuditPresenter(AuditLog auditLog, MessageSource messages, Regions regions, List<AuditNames> names,
			ObjectProvider<AuditPeople> people) {
		this.auditLog = auditLog;
		this.messages = messages;
		this.regions = regions;
		this.names = names;
		this.people = people;
	}

	List<AuditPageRow> rows(List<AuditEntry> entries, Locale locale) {
		Map<UUID, UUID> subjects = this.auditLog.subjectsOf(entries.stream().map(AuditEntry::id).toList());
		Set<UUID> actorIds = new HashSet<>();
		entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull).forEach(actorIds::add);
		AuditPeople directory = this.people.getIfAvailable();
		Map<UUID, String> actors = (directory != null) ? directory.actorLabels(actorIds) : Map.of();
		Map<UUID, String> subjectNames = (directory != null) ? directory.maskedNames(new HashSet<>(subjects.values()))
				: Map.of();
		Map<String, Map<String, String>> objectNames = objectNames(entries);
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale);
		return entries.stream().map((e) -> {
			UUID subjectId = subjects.get(e.id());
			String subject = (subjectId != null)
					? subjectNames.getOrDefault(subjectId, message("audit.person.unknown", locale)) : null;
			return new AuditPageRow(format.format(e.occurredAt().atZoneSameInstant(VIEWER_ZONE)),
					action(e.action(), locale), message("audit.outcome." + e.outcome().name(), locale),
					e.outcome() == AuditOutcome.SUCCESS, object(e, objectNames, locale), region(e.regionCode(), locale),
					actor(e, actors, locale), subject, client(e.clientIp(), locale), e.objectType(), e.objectId(),
					e.actorId());
		}).toList();
	}

	String action(String code, Locale locale) {
		String name = this.messages.getMessage("audit.action." + code, null, null, locale);
		return (name != null) ? name
				: this.messages.getMessage("audit.action.other", new Object[] { code.replace('.', ' ') }, locale);
	}

	private Map<String, Map<String, String>> objectNames(List<AuditEntry> entries) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		for (AuditEntry e : entries) {
			if (e.objectType() != null && e.objectId() != null) {
				idsByType.computeIfAbsent(e.objectType(), (t) -> new HashSet<>()).add(e.objectId());
			}
		}
		Map<String, Map<String, String>> found = new HashMap<>();
		idsByType.forEach((type, ids) -> {
			for (AuditNames source : this.names) {
				if (source.types().contains(type)) {
					found.put(type, source.namesOf(type, ids));
					break;
				}
			}
		});
		return found;
	}

	/** How an object that the log is narrowed to is named: its kind and name. */
	String objectLabel(String type, String id, Locale locale) {
		AuditEntry probe = new AuditEntry(null, null, null, "", AuditOutcome.SUCCESS, type, id, null, null, null, null);
		return object(probe, objectNames(List.of(probe)), locale);
	}

	/** How an actor that the log is narrowed to is named. */
	String actorLabel(UUID actorId, Locale locale) {
		AuditPeople directory = this.people.getIfAvailable();
		String label = (directory != null) ? directory.actorLabels(Set.of(actorId)).get(actorId) : null;
		return (label != null) ? label : message("audit.person.unknown", locale);
	}

	private String object(AuditEntry e, Map<String, Map<String, String>> objectNames, Locale locale) {
		if (e.objectType() == null) {
			return null;
		}
		String kind = this.messages.getMessage("audit.kind." + e.objectType(), null, e.objectType(), locale);
		String name = (e.objectId() != null) ? objectNames.getOrDefault(e.objectType(), Map.of()).get(e.objectId())
				: null;
		if (name == null && e.objectId() != null && this.regions.exists(e.objectId())) {
			// searches and lists of a region are written with the region's code
			name = region(e.objectId(), locale);
		}
		if (name != null && !name.isBlank()) {
			return kind + " · " + name;
		}
		return (e.objectId() != null) ? kind + " #" + shortId(e.objectId()) : kind;
	}

	private String region(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String name = this.regions.exists(code) ? this.regions.fullName(code, locale) : null;
		return (name != null && !name.isBlank()) ? name : code;
	}

	private String actor(AuditEntry e, Map<UUID, String> actors, Locale locale) {
		if (e.actorId() == null) {
			// a sign-in with an unknown username has no actor; other entries without one
			// are the platform's own
			return message(e.action().startsWith("account.") ? "audit.person.unknown" : "audit.actor.system", locale);
		}
		return actors.getOrDefault(e.actorId(), message("audit.person.unknown", locale));
	}

	private String client(String ip, Locale locale) {
		if (ip == null || ip.isBlank()) {
			return null;
		}
		if (LOOPBACK.contains(ip) || ip.startsWith("127.")) {
			return message("audit.client.local", locale);
		}
		return ip;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	static String shortId(String id) {
		String compact = id.replace("-", "");
		return (compact.length() > 8) ? compact.substring(0, 8) : compact;
	}

	static Collection<String> groupNames() {
		return java.util.Arrays.stream(AuditActionGroup.values()).map(Enum::name).toList();
	}

}
