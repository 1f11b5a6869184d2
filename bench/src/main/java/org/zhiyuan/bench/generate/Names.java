package org.zhiyuan.bench.generate;

import java.util.SplittableRandom;

/**
 * Plausible Chinese names, activity titles and addresses. Surnames are drawn by their
 * approximate share of the population (the most common hundred cover about 85 percent);
 * given names have one or two characters from lists that lean male or female.
 */
final class Names {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
			"陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫",
			"段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔",
			"向", "汤", "欧阳", "司马", "上官", "诸葛" };

	/** Relative frequencies, per mille, of the surnames above (rounded). */
	private static final int[] SURNAME_WEIGHTS = { 74, 72, 69, 54, 46, 31, 23, 23, 21, 19, 18, 16, 15, 14, 13, 12, 12,
			11, 10, 9, 9, 8, 8, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4,
			4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2,
			2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1 };

	private static final int SURNAME_TOTAL = sum(SURNAME_WEIGHTS);

	private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";

	private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸";

	private static final String[] ROADS = { "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "文化路", "光明街", "幸福路", "朝阳路", "团结路",
			"青年路", "胜利街", "长安街", "复兴路", "民主路", "东风路", "学府路", "滨河路", "公园路" };

	private static final String[] PLACES = { "社区服务中心", "新时代文明实践站", "养老服务驿站", "文化活动中心", "社区卫生服务站", "中心小学", "图书馆", "体育公园",
			"党群服务中心", "儿童之家" };

	private static final String[][] TOPICS = { { "理论宣讲", "政策宣讲进社区" }, { "乡村振兴", "助农直播" }, { "扶老", "助老", "敬老院陪伴" },
			{ "助残", "阳光助残" }, { "应急救援演练", "防汛备勤" }, { "义诊", "健康讲座" }, { "支教", "课后托管" }, { "文化惠民", "读书会" },
			{ "平安巡逻", "交通文明劝导" }, { "科普", "科技周" }, { "环保", "垃圾分类", "植树" }, { "全民健身", "运动会服务" }, { "关爱儿童", "四点半课堂" },
			{ "社区治理", "邻里互助" }, { "赛会服务", "马拉松服务" }, { "法律咨询", "普法宣传" }, { "文明实践", "志愿服务日" } };

	private static final String[] TEAM_KINDS = { "志愿服务队", "志愿者协会", "青年志愿者服务队", "巾帼志愿服务队", "党员志愿服务队", "助老志愿服务队",
			"应急志愿服务队", "文明实践志愿服务队" };

	private Names() {
	}

	static String person(SplittableRandom random, boolean male) {
		int pick = random.nextInt(SURNAME_TOTAL);
		int index = 0;
		while (pick >= SURNAME_WEIGHTS[index]) {
			pick -= SURNAME_WEIGHTS[index];
			index++;
		}
		String given = male ? MALE : FEMALE;
		StringBuilder name = new StringBuilder(SURNAMES[index]);
		name.append(given.charAt(random.nextInt(given.length())));
		if (random.nextInt(100) < 70) {
			name.append(given.charAt(random.nextInt(given.length())));
		}
		return name.toString();
	}

	/** One of the topics of the service field with the given ordinal. */
	static String topic(SplittableRandom random, int field) {
		String[] topics = TOPICS[field % TOPICS.length];
		return topics[random.nextInt(topics.length)];
	}

	static int fields() {
		return TOPICS.length;
	}

	/** Every topic word, for text searches that find something. */
	static String[] allTopics() {
		return java.util.Arrays.stream(TOPICS).flatMap(java.util.Arrays::stream).toArray(String[]::new);
	}

	static String place(SplittableRandom random) {
		return PLACES[random.nextInt(PLACES.length)];
	}

	static String address(SplittableRandom random, String regionName) {
		return regionName + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
	}

	static String team(SplittableRandom random, String regionName) {
		return regionName + TEAM_KINDS[random.nextInt(TEAM_KINDS.length)];
	}

	private static int sum(int[] values) {
		int total = 0;
		for (int value : values) {
			total += value;
		}
		return total;
	}

}
