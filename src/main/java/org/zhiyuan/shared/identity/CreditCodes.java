package org.zhiyuan.shared.identity;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Unified social credit codes (统一社会信用代码) that identify organizations, checked after GB
 * 32100-2015 and the organization code inside them after GB 11714-1997.
 * <p>
 * A code has 18 characters from the alphabet {@code 0}–{@code 9}, {@code A}–{@code H},
 * {@code J}–{@code N}, {@code P}–{@code R}, {@code T}, {@code U}, {@code W}–{@code Y} (GB
 * 32100 leaves out I, O, S, V and Z):
 * <ul>
 * <li>1: the registration authority (登记管理部门代码);</li>
 * <li>2: the kind of organization (机构类别代码), one of those that GB 32100 lists for the
 * authority;</li>
 * <li>3–8: the administrative division of the registration authority (登记管理机关行政区划码), six
 * digits of GB/T 2260, or {@code 100000} for authorities of the central government;</li>
 * <li>9–17: the organization code (主体标识码, GB 11714-1997): eight characters and its own
 * check character, computed over the eight with the weights {@code 3, 7, 9, 10, 5, 8,
 * 4, 2}, digits at their value and letters from {@code A = 10} to {@code Z = 35}, as
 * {@code 11 - sum mod 11}, written {@code X} for 10 and {@code 0} for 11;</li>
 * <li>18: the check character of GB 32100: the first seventeen characters at their place
 * in the alphabet ({@code 0} to {@code 30}) weighted {@code 3^(i-1) mod 31}, the check
 * value being {@code 31 - sum mod 31} with 31 written as {@code 0}.</li>
 * </ul>
 * The GB 32100 check character alone catches every single wrong character and every swap
 * of two neighbouring ones.
 */
public final class CreditCodes {

	/** The region digits of organizations registered by central authorities. */
	private static final String NATIONAL = "100000";

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] GB11714_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/**
	 * The kinds of organization each registration authority assigns, after the table of
	 * GB 32100-2015 as amended in 2016 ({@code A} and {@code N} added): 1 机构编制 (机关, 事业单位,
	 * 中央编办直接管理机构编制的群众团体, 其他), 2 外交 (外国常驻新闻机构, 其他), 3 司法行政 (律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构,
	 * 仲裁委员会, 其他), 4 文化 (外国在华文化中心, 其他), 5 民政 (社会团体, 民办非企业单位, 基金会, 其他), 6 旅游 (外国旅游部门常驻代表机构,
	 * 港澳台地区旅游部门常驻内地代表机构, 其他), 7 宗教 (宗教活动场所, 宗教院校, 其他), 8 工会 (基层工会, 其他), 9 工商 (企业, 个体工商户,
	 * 农民专业合作社), A 中央军委改革和编制办公室 (军队事业单位, 其他), N 农业 (组级, 村级, 乡镇级集体经济组织, 其他), Y 其他 (1 only).
	 */
	private static final Map<Character, String> KINDS = Map.ofEntries(Map.entry('1', "1239"), Map.entry('2', "19"),
			Map.entry('3', "123459"), Map.entry('4', "19"), Map.entry('5', "1239"), Map.entry('6', "129"),
			Map.entry('7', "129"), Map.entry('8', "19"), Map.entry('9', "123"), Map.entry('A', "19"),
			Map.entry('N', "1239"), Map.entry('Y', "1"));

	private CreditCodes() {
	}

	/**
	 * Removes spaces and dashes and upper-cases ASCII letters; every other character is
	 * kept, so that a control, invisible or non-ASCII character makes the code invalid
	 * rather than disappearing or, like the ligature {@code U+FB00}, turning into two
	 * letters.
	 * @param raw the code as typed
	 * @return the normalized code, the empty string for {@code null} or whitespace
	 */
	public static String normalize(String raw) {
		return NumberText.normalize(raw);
	}

	/**
	 * Tells whether a code follows GB 32100-2015 and GB 11714-1997 in every part: its
	 * length and alphabet, a registration authority with one of its kinds, six region
	 * digits that name a division, an organization code with its own check character, and
	 * the final check character.
	 * @param normalized a code as returned by {@link #normalize(String)}; lower-case
	 * letters are not accepted here
	 * @param divisionExists tells whether six digits such as {@code "110105"} are an
	 * administrative division; the caller supplies it from its region dataset, and it is
	 * asked at most once, never about {@code 100000}
	 * @return {@code true} if the code is valid, {@code false} also for {@code null}
	 * @throws NullPointerException if {@code divisionExists} is {@code null}
	 */
	public static boolean isValid(String normalized, Predicate<String> divisionExists) {
		Objects.requireNonNull(divisionExists, "divisionExists");
		if (normalized == null || normalized.length() != 18 || !hasCheckCharacter(normalized)) {
			return false;
		}
		String kinds = KINDS.get(normalized.charAt(0));
		if (kinds == null || kinds.indexOf(normalized.charAt(1)) < 0) {
			return false;
		}
		if (normalized.charAt(16) != organizationCheckCharacter(normalized.substring(8, 16))) {
			return false;
		}
		String division = normalized.substring(2, 8);
		return NumberText.isAsciiDigits(division, 0, 6) && (NATIONAL.equals(division) || divisionExists.test(division));
	}

	/** Whether all 18 characters are in the alphabet and the last is the check. */
	private static boolean hasCheckCharacter(String code) {
		int sum = 0;
		for (int i = 0; i < 18; i++) {
			int value = ALPHABET.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * ((i < 17) ? WEIGHTS[i] : 1);
		}
		return sum % 31 == 0;
	}

	/**
	 * The GB 11714 check character of eight characters from the alphabet of GB 32100,
	 * whose letters GB 11714 values from {@code A = 10} on, counting the letters that GB
	 * 32100 leaves out.
	 */
	private static char organizationCheckCharacter(String eight) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(eight.charAt(i), 36) * GB11714_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return (check == 10) ? 'X' : (check == 11) ? '0' : (char) ('0' + check);
	}

}
