package org.zhiyuan.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code zhiyuan.data-dir} an absolute, existing directory before anything reads
 * it, so that {@code ZHIYUAN_DATA_DIR=data} works as well as {@code ./data} (H2 refuses
 * paths that are implicitly relative).
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "zhiyuan.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(PROPERTY, "./data");
		Path directory = Path.of(configured).toAbsolutePath().normalize();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + directory, ex);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("zhiyuanDataDirectory", Map.of(PROPERTY, directory.toString())));
	}

	@Override
	public int getOrder() {
		// after the configuration files and the environment have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
