package org.zhiyuan.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English is complete: every Chinese message has its English counterpart and no more; and
 * no page shows a message's placeholders.
 */
class MessagesUnitTests {

	private static final Pattern FULL_WIDTH = Pattern.compile("[：，。（）！？；]");

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

	/**
	 * A message with placeholders shown without its arguments shows the raw {@code {0}}:
	 * every template that names such a message passes arguments to it. (Messages of
	 * problems, whose keys come from the model, are passed their arguments as
	 * {@code errorArgs}, see {@code PageActions.show}.)
	 */
	@Test
	void templatesShowEveryMessageWithPlaceholdersWithItsArguments() throws IOException {
		Properties chinese = load("i18n/messages.properties");
		Pattern withoutArguments = Pattern.compile("#\\{([A-Za-z0-9_.-]+)}|#messages\\.msg\\('([^']+)'\\)");
		Pattern placeholder = Pattern.compile("\\{\\d+}");
		List<String> placeholdersShown = new ArrayList<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath:templates/**/*.html")) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			Matcher named = withoutArguments.matcher(html);
			while (named.find()) {
				String key = (named.group(1) != null) ? named.group(1) : named.group(2);
				String message = chinese.getProperty(key);
				if (message != null && placeholder.matcher(message).find()) {
					placeholdersShown.add(template.getFilename() + ": " + key);
				}
			}
		}
		assertThat(placeholdersShown).as("messages with placeholders shown without arguments").isEmpty();
	}

	@Test
	void englishUsesAsciiPunctuation() throws IOException {
		Properties english = load("i18n/messages_en.properties");
		assertThat(english.stringPropertyNames())
			.filteredOn((key) -> FULL_WIDTH.matcher(english.getProperty(key)).find())
			.as("English messages with full-width punctuation")
			.isEmpty();
	}

	/**
	 * Punctuation written in a template (not in a message) shows in both languages: a
	 * full-width colon between a label and its text reads wrong in English.
	 */
	@Test
	void templatesWriteNoFullWidthPunctuationOutsideMessages() throws IOException {
		Pattern literal = Pattern.compile("'[：，。（）！？]'|</[a-z]+>\\s*[：，。（）！？]|>[：，。（）！？]+<");
		List<String> found = new ArrayList<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath:templates/**/*.html")) {
			Matcher matcher = literal.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				found.add(template.getFilename() + ": " + matcher.group());
			}
		}
		assertThat(found).as("full-width punctuation written in templates").isEmpty();
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
