package org.zhiyuan.region;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** One province's communities, read from the compact file of the dataset. */
class CommunityTableUnitTests {

	private static final String FILE = """
			# communities 11 4
			# codes
			110101001 1 1 3
			110101002 7
			# names
			多福巷社区居委会
			银闸社区居委会
			东厂社区居委会
			新村村委会
			# names_en
			Duofuxiang Community
			Yinzha Community
			Dongchang Community
			Xincun Village
			""";

	@Test
	void readsTheCodesAsStepsWithinEachStreet() throws IOException {
		CommunityTable table = CommunityTable.read(new StringReader(FILE));
		assertThat(table.size()).isEqualTo(4);
		assertThat(table.childrenOf("110101001")).extracting(Region::code)
			.containsExactly("110101001001", "110101001002", "110101001005");
		assertThat(table.childrenOf("110101002")).extracting(Region::name).containsExactly("新村村委会");
		assertThat(table.childrenOf("110101003")).isEmpty();
		Region region = table.region(table.indexOf("110101001005"));
		assertThat(region).isEqualTo(
				new Region("110101001005", "东厂社区居委会", "110101001", RegionLevel.COMMUNITY, "Dongchang Community"));
		assertThat(table.indexOf("110101001003")).isNegative();
	}

	@Test
	void searchesNamesCodesAndEnglishNamesWithoutMatchingAcrossTwoNames() throws IOException {
		CommunityTable table = CommunityTable.read(new StringReader(FILE));
		assertThat(table.search("社区", "", 10)).extracting(Region::code)
			.containsExactly("110101001001", "110101001002", "110101001005");
		assertThat(table.search("YINZHA", "", 10)).extracting(Region::code).containsExactly("110101001002");
		assertThat(table.search("1101010010", "", 10)).hasSize(3);
		assertThat(table.search("社区", "110101002", 10)).isEmpty();
		assertThat(table.search("社区", "", 2)).hasSize(2);
		assertThat(table.search("会银", "", 10)).as("the end of one name and the start of the next").isEmpty();
		assertThat(table.search("Community Yin", "", 10)).isEmpty();
		assertThat(table.search("Village", "110101002007", 10)).extracting(Region::code)
			.containsExactly("110101002007");
	}

	@Test
	void refusesAFileOfAnotherShape() {
		assertThatIllegalStateException().isThrownBy(() -> CommunityTable.read(new StringReader("code,name\n")));
		assertThatIllegalStateException().isThrownBy(
				() -> CommunityTable.read(new StringReader(FILE.replace("# communities 11 4", "# communities 11 5"))));
		assertThatIllegalStateException()
			.isThrownBy(() -> CommunityTable.read(new StringReader(FILE.replace("110101002 7", "110101000 7"))))
			.withMessageContaining("110101000 7");
		assertThatIllegalStateException()
			.isThrownBy(() -> CommunityTable.read(new StringReader(FILE.replace("新村村委会\n", ""))));
	}

}
