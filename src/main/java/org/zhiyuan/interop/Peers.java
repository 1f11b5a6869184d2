package org.zhiyuan.interop;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Role;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.RegionLevel;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installations whose transfer packages this one trusts (peers), registered by a
 * national or province operator with their public keys. Trust is the installation's, so
 * every such operator sees every peer; a province operator removes only the peers
 * registered for their province, a national operator any. A package's issuer must equal
 * the peer's base address as normalized here: http or https, scheme and host in lower
 * case, the default port left out, no trailing slash, no query or fragment.
 */
@Service
public class Peers {

	/** At most this many keys in a peer's key set. */
	static final int MAX_KEYS = 20;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditLog auditLog;

	Peers(JdbcClient jdbc, Regions regions, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * Registers a peer; every bad field is reported at once (400). An address that was
	 * removed before is registered again with the new name and keys.
	 * @throws ProblemException 403 for anyone but a national or province operator; 409
	 * {@code PEER_EXISTS} when an active peer has the address
	 */
	@Transactional
	public PeerView register(Actor actor, NewPeer request) {
		String region = requireManager(actor);
		List<FieldProblem> problems = new ArrayList<>();
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "validation.text100"));
		}
		Optional<String> baseUrl = normalize(request.baseUrl());
		if (baseUrl.isEmpty()) {
			problems.add(new FieldProblem("baseUrl", "validation.interop.baseUrl"));
		}
		Optional<JWKSet> keys = keySet(request.jwks());
		if (keys.isEmpty()) {
			problems.add(new FieldProblem("jwks", "validation.interop.jwks", MAX_KEYS));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		OffsetDateTime now = now();
		String jwks = keys.get().toString(true);
		Optional<PeerView> existing = byBaseUrl(baseUrl.get());
		UUID id;
		if (existing.isPresent()) {
			if (existing.get().active()) {
				throw ProblemException.conflict("PEER_EXISTS", "interop.peer.exists", existing.get().name());
			}
			id = existing.get().id();
			this.jdbc
				.sql("UPDATE interop_peer SET name = :name, jwks = :jwks, region_code = :region, created_by = :by,"
						+ " updated_at = :now, revoked_at = NULL WHERE id = :id")
				.param("id", id)
				.param("name", name)
				.param("jwks", jwks)
				.param("region", region)
				.param("by", actor.accountId())
				.param("now", now)
				.update();
		}
		else {
			id = Ids.newId();
			try {
				this.jdbc
					.sql("INSERT INTO interop_peer (id, name, base_url, jwks, region_code, created_by, created_at,"
							+ " updated_at) VALUES (:id, :name, :url, :jwks, :region, :by, :now, :now)")
					.param("id", id)
					.param("name", name)
					.param("url", baseUrl.get())
					.param("jwks", jwks)
					.param("region", region)
					.param("by", actor.accountId())
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw ProblemException.conflict("PEER_EXISTS", "interop.peer.exists", name);
			}
		}
		this.auditLog.record(AuditRecord.of("interop.peer.register", actor.accountId())
			.on("peer", id)
			.inRegion(region)
			.withDetail(baseUrl.get()));
		return find(id).orElseThrow();
	}

	/**
	 * Replaces a peer's keys, after a rotation there.
	 * @throws ProblemException 400 {@code jwks}; 403; 404 {@code PEER_NOT_FOUND}
	 */
	@Transactional
	public PeerView replaceKeys(Actor actor, UUID id, Object jwks) {
		PeerView peer = requireOwn(actor, id);
		JWKSet keys = keySet(jwks).orElseThrow(
				() -> ProblemException.invalid(List.of(new FieldProblem("jwks", "validation.interop.jwks", MAX_KEYS))));
		this.jdbc.sql("UPDATE interop_peer SET jwks = :jwks, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("jwks", keys.toString(true))
			.param("now", now())
			.update();
		this.auditLog
			.record(AuditRecord.of("interop.peer.keys", actor.accountId()).on("peer", id).inRegion(peer.regionCode()));
		return find(id).orElseThrow();
	}

	/**
	 * Removes a peer: its packages are refused from now on; the records imported before
	 * stay, with their provenance.
	 * @throws ProblemException 403; 404 {@code PEER_NOT_FOUND}
	 */
	@Transactional
	public void revoke(Actor actor, UUID id) {
		PeerView peer = requireOwn(actor, id);
		this.jdbc.sql("UPDATE interop_peer SET revoked_at = :now, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", now())
			.update();
		this.auditLog.record(AuditRecord.of("interop.peer.revoke", actor.accountId())
			.on("peer", id)
			.inRegion(peer.regionCode())
			.withDetail(peer.baseUrl()));
	}

	/** The active peers, by name, for national and province operators. */
	public List<PeerView> list(Actor actor) {
		requireManager(actor);
		return this.jdbc.sql(SELECT + " WHERE revoked_at IS NULL ORDER BY name, id").query(this::row).list();
	}

	/** Whether the actor may manage peers: a national or province operator. */
	public boolean mayManage(Actor actor) {
		return managedRegion(actor).isPresent();
	}

	/** A peer by id, active or not, without an access check. */
	public Optional<PeerView> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
	}

	/** The active peer whose normalized base address the issuer is. */
	Optional<Trusted> trusted(String issuer) {
		Optional<String> normalized = normalize(issuer);
		if (normalized.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, name, base_url, jwks FROM interop_peer WHERE base_url = :url" + " AND revoked_at IS NULL")
			.param("url", normalized.get())
			.query((rs, row) -> new Trusted(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("base_url"), parse(rs.getString("jwks"))))
			.optional();
	}

	/** Locks the peer's row, so that imports of its records are taken one at a time. */
	void lock(UUID peerId) {
		this.jdbc.sql("SELECT id FROM interop_peer WHERE id = :id FOR UPDATE").param("id", peerId).query().listOfRows();
	}

	private Optional<PeerView> byBaseUrl(String baseUrl) {
		return this.jdbc.sql(SELECT + " WHERE base_url = :url").param("url", baseUrl).query(this::row).optional();
	}

	private PeerView requireOwn(Actor actor, UUID id) {
		String region = requireManager(actor);
		PeerView peer = find(id).filter(PeerView::active)
			.orElseThrow(() -> ProblemException.notFound("PEER_NOT_FOUND", "interop.peer.notFound"));
		if (!Regions.NATIONAL.equals(region) && !region.equals(peer.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return peer;
	}

	/**
	 * The actor's national or province scope, the national one first; 403 without one.
	 */
	private String requireManager(Actor actor) {
		return managedRegion(actor).orElseThrow(() -> ProblemException.forbidden("problem.forbidden.region"));
	}

	private Optional<String> managedRegion(Actor actor) {
		if (actor == null) {
			return Optional.empty();
		}
		List<String> scopes = actor.scopesOf(Role.OPERATOR)
			.stream()
			.filter((scope) -> Regions.NATIONAL.equals(scope) || this.regions.find(scope)
				.map(Region::level)
				.filter((level) -> level == RegionLevel.PROVINCE)
				.isPresent())
			.sorted()
			.toList();
		return scopes.stream().filter(Regions.NATIONAL::equals).findFirst().or(() -> scopes.stream().findFirst());
	}

	/**
	 * The address as a package's issuer is compared with it, or empty when it is not an
	 * absolute http(s) address of at most 300 characters without query or fragment.
	 */
	static Optional<String> normalize(String address) {
		if (address == null || address.isBlank() || address.strip().length() > 300) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(address.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
					|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
					|| (scheme.equals("http") && port == 80);
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			return Optional
				.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A key set of 1 to {@value #MAX_KEYS} public EC P-256 keys with ids, from a JSON
	 * object or its text; empty for anything else, a private key in particular.
	 */
	@SuppressWarnings("unchecked")
	static Optional<JWKSet> keySet(Object jwks) {
		JWKSet set;
		try {
			if (jwks instanceof Map<?, ?> map) {
				set = JWKSet.parse((Map<String, Object>) map);
			}
			else if (jwks instanceof String text && !text.isBlank() && text.length() <= 20_000) {
				set = JWKSet.parse(text.strip());
			}
			else {
				return Optional.empty();
			}
		}
		catch (ParseException | RuntimeException ex) {
			return Optional.empty();
		}
		List<JWK> keys = set.getKeys();
		if (keys.isEmpty() || keys.size() > MAX_KEYS) {
			return Optional.empty();
		}
		for (JWK key : keys) {
			if (!(key instanceof ECKey ec) || key.isPrivate() || !Curve.P_256.equals(ec.getCurve())
					|| key.getKeyID() == null || key.getKeyID().isBlank()) {
				return Optional.empty();
			}
		}
		JWKSet publicSet = set.toPublicJWKSet();
		return (publicSet.toString(true).length() <= 20_000) ? Optional.of(publicSet) : Optional.empty();
	}

	private static JWKSet parse(String json) {
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored key set does not parse", ex);
		}
	}

	private static final String SELECT = "SELECT id, name, base_url, jwks, region_code, created_at, updated_at,"
			+ " revoked_at FROM interop_peer";

	private PeerView row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		List<String> kids = parse(rs.getString("jwks")).getKeys().stream().map(JWK::getKeyID).toList();
		return new PeerView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("base_url"), kids,
				rs.getString("region_code"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	/** A trusted peer with its keys. */
	record Trusted(UUID id, String name, String baseUrl, JWKSet keys) {

	}

}
