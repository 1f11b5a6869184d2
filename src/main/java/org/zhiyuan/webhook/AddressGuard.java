package org.zhiyuan.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the installation's own network (server-side request forgery):
 * a host that resolves to a loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * shared (100.64/10), link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * unspecified, broadcast or multicast address is refused, unless
 * {@code zhiyuan.webhooks.allow-private-addresses} is set.
 */
@Component
class AddressGuard {

	private final WebhookSettings settings;

	AddressGuard(WebhookSettings settings) {
		this.settings = settings;
	}

	/**
	 * Why the host may not be called, if it may not: {@code FORBIDDEN_ADDRESS} when any
	 * of its addresses is refused, {@code UNKNOWN_HOST} when it does not resolve (only
	 * when {@code mustResolve}).
	 */
	Optional<String> refusal(String host, boolean mustResolve) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return mustResolve ? Optional.of("UNKNOWN_HOST") : Optional.empty();
		}
		if (this.settings.allowPrivateAddresses()) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (isForbidden(address)) {
				return Optional.of("FORBIDDEN_ADDRESS");
			}
		}
		return Optional.empty();
	}

	static boolean isForbidden(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 255)
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
		}
		if (address instanceof Inet6Address) {
			// unique local fc00::/7; an IPv4 address embedded in ::ffff:0:0/96 or ::/96
			if ((bytes[0] & 0xfe) == 0xfc) {
				return true;
			}
			boolean zeros = true;
			for (int i = 0; i < 10; i++) {
				zeros &= bytes[i] == 0;
			}
			if (zeros
					&& ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
				try {
					return isForbidden(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

}
