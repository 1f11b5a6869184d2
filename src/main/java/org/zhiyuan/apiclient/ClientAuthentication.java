package org.zhiyuan.apiclient;

import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ActorAuthentication;

/**
 * A registered system calling with its access token: the actor of its backing account,
 * and the scopes of the token that are still the client's.
 */
class ClientAuthentication extends ActorAuthentication {

	private final UUID clientRowId;

	private final String clientName;

	private final String regionCode;

	private final Set<ApiScope> scopes;

	ClientAuthentication(Actor actor, ApiClientRow client, Set<ApiScope> scopes) {
		super(actor);
		this.clientRowId = client.id();
		this.clientName = client.name();
		this.regionCode = client.regionCode();
		this.scopes = Set.copyOf(scopes);
	}

	UUID clientRowId() {
		return this.clientRowId;
	}

	String clientName() {
		return this.clientName;
	}

	String regionCode() {
		return this.regionCode;
	}

	Set<ApiScope> scopes() {
		return this.scopes;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
