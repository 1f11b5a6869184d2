package org.zhiyuan.certificate;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateNumbersUnitTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";

	@Test
	void newNumbersAreWellFormedAndReadBackAsThemselves() {
		for (int i = 0; i < 1000; i++) {
			String number = CertificateNumbers.next(2026);
			assertThat(number).matches("ZY-2026-[0-9A-HJKMNP-TV-Y]{4}-[0-9A-HJKMNP-TV-Y]{4}-[0-9A-HJKMNP-TV-Y]{4}");
			assertThat(CertificateNumbers.normalize(number)).contains(number);
		}
	}

	@Test
	void numbersDoNotRepeat() {
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			numbers.add(CertificateNumbers.next(2026));
		}
		assertThat(numbers).hasSize(100_000);
	}

	@Test
	void readsNumbersTypedLoosely() {
		String number = CertificateNumbers.next(2026);
		String loose = " " + number.toLowerCase().replace("-", " ") + " ";
		assertThat(CertificateNumbers.normalize(loose)).contains(number);
		String withLetterO = number.replace('0', 'O');
		assertThat(CertificateNumbers.normalize(withLetterO)).contains(number);
	}

	@Test
	void rejectsEveryNumberWithOneCharacterMistyped() {
		for (int round = 0; round < 50; round++) {
			String number = CertificateNumbers.next(2026);
			for (int i = 3; i < number.length(); i++) {
				char c = number.charAt(i);
				if (c == '-') {
					continue;
				}
				// a neighbouring symbol: the commonest slip, always caught
				char wrong = Character.isDigit(c) && i < 7 ? (char) ('0' + (c - '0' + 1) % 10)
						: ALPHABET.charAt((ALPHABET.indexOf(c) + 1) % ALPHABET.length());
				String typo = number.substring(0, i) + wrong + number.substring(i + 1);
				assertThat(CertificateNumbers.normalize(typo)).as(typo).isEmpty();
			}
		}
	}

	@Test
	void rejectsNonsense() {
		assertThat(CertificateNumbers.normalize(null)).isEmpty();
		assertThat(CertificateNumbers.normalize("")).isEmpty();
		assertThat(CertificateNumbers.normalize("ZY-2026")).isEmpty();
		assertThat(CertificateNumbers.normalize("'; DROP TABLE certificate; --")).isEmpty();
		assertThat(CertificateNumbers.normalize("ZY-2026-UUUU-UUUU-UUUU")).isEmpty();
	}

}
