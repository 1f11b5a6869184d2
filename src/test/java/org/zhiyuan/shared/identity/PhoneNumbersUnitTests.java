package org.zhiyuan.shared.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersUnitTests {

	@Test
	void removesSpacesAndHyphens() {
		assertThat(PhoneNumbers.normalize(" 138 1234 5678 ")).isEqualTo("13812345678");
		assertThat(PhoneNumbers.normalize("138-1234-5678")).isEqualTo("13812345678");
		assertThat(PhoneNumbers.normalize(null)).isEmpty();
	}

	@Test
	void dropsTheChinaCountryCodeInFrontOfElevenDigits() {
		assertThat(PhoneNumbers.normalize("+86 138 1234 5678")).isEqualTo("13812345678");
		assertThat(PhoneNumbers.normalize("0086-13812345678")).isEqualTo("13812345678");
		assertThat(PhoneNumbers.normalize("8613812345678")).isEqualTo("13812345678");
	}

	@Test
	void keepsWhatLooksLikeACountryCodeWhenElevenDigitsDoNotFollow() {
		assertThat(PhoneNumbers.normalize("86123456789")).isEqualTo("86123456789");
		assertThat(PhoneNumbers.normalize("+86 10 1234 5678")).isEqualTo("+861012345678");
		assertThat(PhoneNumbers.normalize("+852 9123 4567")).isEqualTo("+85291234567");
		assertThat(PhoneNumbers.normalize("+86 138 1234 567x")).isEqualTo("+861381234567X");
	}

	@Test
	void recognisesMainlandMobileNumbers() {
		for (String number : new String[] { "13812345678", "14700000000", "16612345678", "19912345678" }) {
			assertThat(PhoneNumbers.isMainlandMobile(number)).as(number).isTrue();
		}
	}

	@Test
	void rejectsWhatIsNotAMainlandMobileNumber() {
		for (String number : new String[] { "12812345678", "10012345678", "23812345678", "1381234567", "138123456789",
				"+8613812345678", "1381234567X", "01012345678", "" }) {
			assertThat(PhoneNumbers.isMainlandMobile(number)).as(number).isFalse();
		}
		assertThat(PhoneNumbers.isMainlandMobile(null)).isFalse();
	}

	@Test
	void masksAMobileNumberButItsFirstThreeAndLastFourDigits() {
		assertThat(PhoneNumbers.mask("13812341234")).isEqualTo("138****1234");
		assertThat(PhoneNumbers.mask(PhoneNumbers.normalize("+86 139 8765 4321"))).isEqualTo("139****4321");
	}

	@Test
	void masksOtherNumbersByTheirLength() {
		assertThat(PhoneNumbers.mask("+85291234567")).isEqualTo("+85*****4567");
		assertThat(PhoneNumbers.mask("12345678")).isEqualTo("****5678");
		assertThat(PhoneNumbers.mask("12345")).isEqualTo("***45");
		assertThat(PhoneNumbers.mask("1")).isEqualTo("*");
	}

	@Test
	void masksNothingIntoAnEmptyString() {
		assertThat(PhoneNumbers.mask(null)).isEmpty();
		assertThat(PhoneNumbers.mask("")).isEmpty();
		assertThat(PhoneNumbers.mask(" ")).isEmpty();
	}

}
