package org.zhiyuan.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of the form {@code --name=value} (a bare {@code --name} means
 * {@code true}). Asking for an option that was neither given nor has a default is an
 * error, so that a run never silently uses a value nobody chose.
 */
public final class Options {

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	public static Options parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("expected --name=value, got " + arg);
			}
			int equals = arg.indexOf('=');
			if (equals < 0) {
				values.put(arg.substring(2), "true");
			}
			else {
				values.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
		}
		return new Options(values);
	}

	public String string(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing option --" + name);
		}
		return value;
	}

	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
	}

	public long number(String name, long fallback) {
		String value = this.values.get(name);
		return (value != null) ? Long.parseLong(value.replace("_", "")) : fallback;
	}

	public boolean flag(String name, boolean fallback) {
		String value = this.values.get(name);
		return (value != null) ? Boolean.parseBoolean(value) : fallback;
	}

	public boolean has(String name) {
		return this.values.containsKey(name);
	}

}
