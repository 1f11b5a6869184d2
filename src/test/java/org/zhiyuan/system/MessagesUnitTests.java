package org.zhiyuan.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** English is complete: every Chinese message has its English counterpart and no more. */
class MessagesUnitTests {

	@Test
	void englishHasEveryChineseMessage() throws IOException {
		Properties chinese = load("i18n/messages.properties");
		Properties english = load("i18n/messages_en.properties");
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
		assertThat(chinese.stringPropertyNames()).allSatisfy((key) -> {
			assertThat(chinese.getProperty(key)).as(key).isNotBlank();
			assertThat(english.getProperty(key)).as(key).isNotBlank();
		});
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
