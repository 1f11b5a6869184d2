// English names of the regions, derived at data-build time (see README.md next to this file).
//
//   import { englishNamer } from './english-names.mjs';
//   const nameEn = englishNamer(pinyinPro);  // the module object of the npm package pinyin-pro
//   nameEn({ code, name, level });           // e.g. 朝阳区 -> "Chaoyang District"
//
// Communities (level COMMUNITY, 村/居委会) follow their own rules, at the end of the file:
// COMMUNITY_KINDS (居委会 Community, 村委会 Village, 嘎查 Gacha, ...), notes in brackets
// (COMMUNITY_NOTES), characters spelled out from their parts (SPELLED_OUT), digits kept.
//
// Order of the rules:
//   1. WHOLE: full English names (province-level divisions, placeholders, Hong Kong and
//      Macao districts, a few cities best known by a non-pinyin name).
//   2. A name with a part in full-width brackets is translated part by part.
//   3. The longest known suffix (区, 县, 街道, 自治县, 开发区, ...) is cut off and
//      translated; for autonomous units and ethnic townships the ethnic groups before the
//      suffix are translated too (延边朝鲜族自治州 -> Yanbian Korean Autonomous Prefecture).
//   4. The rest (the proper name) becomes pinyin: no tones, syllables joined, an
//      apostrophe before a syllable starting with a, o or e (Xi'an, Lu'an), first letter
//      upper case. READINGS corrects the readings of place names that pinyin-pro gets
//      wrong or that differ from the everyday reading.

/** Province-level divisions and other rows whose English name is fixed. */
export const WHOLE = {
  // Province-level divisions, in the short form used in addresses ("Chaoyang District, Beijing").
  北京市: 'Beijing', 天津市: 'Tianjin', 上海市: 'Shanghai', 重庆市: 'Chongqing',
  河北省: 'Hebei', 山西省: 'Shanxi', 内蒙古自治区: 'Inner Mongolia', 辽宁省: 'Liaoning',
  吉林省: 'Jilin', 黑龙江省: 'Heilongjiang', 江苏省: 'Jiangsu', 浙江省: 'Zhejiang',
  安徽省: 'Anhui', 福建省: 'Fujian', 江西省: 'Jiangxi', 山东省: 'Shandong', 河南省: 'Henan',
  湖北省: 'Hubei', 湖南省: 'Hunan', 广东省: 'Guangdong', 广西壮族自治区: 'Guangxi',
  海南省: 'Hainan', 四川省: 'Sichuan', 贵州省: 'Guizhou', 云南省: 'Yunnan', 西藏自治区: 'Xizang',
  陕西省: 'Shaanxi', 甘肃省: 'Gansu', 青海省: 'Qinghai', 宁夏回族自治区: 'Ningxia',
  新疆维吾尔自治区: 'Xinjiang', 台湾省: 'Taiwan', 香港特别行政区: 'Hong Kong SAR',
  澳门特别行政区: 'Macao SAR',
  // Placeholders of GB/T 2260.
  市辖区: 'City Districts', 县: 'Counties',
  省直辖县级行政区划: 'County-level Divisions under the Province',
  自治区直辖县级行政区划: 'County-level Divisions under the Autonomous Region',
  区直辖村级区划: 'Village-level Divisions under the District',
  神农架林区: 'Shennongjia Forestry District',
  // Cities best known in English by a name that is not their pinyin.
  呼和浩特市: 'Hohhot', 乌鲁木齐市: 'Urumqi', 拉萨市: 'Lhasa', 哈尔滨市: 'Harbin',
  鄂尔多斯市: 'Ordos', 呼伦贝尔市: 'Hulunbuir', 巴彦淖尔市: 'Bayannur', 乌兰察布市: 'Ulanqab',
  锡林郭勒盟: 'Xilin Gol League', 阿拉善盟: 'Alxa League', 兴安盟: 'Hinggan League',
  // A name that carries its reading in brackets.
  '满（lang）塘镇': 'Langtang Town',
};

/** Hong Kong and Macao districts: their official English names (keyed by code). */
export const BY_CODE = {
  810001: 'Central and Western', 810002: 'Wan Chai', 810003: 'Eastern', 810004: 'Southern',
  810005: 'Yau Tsim Mong', 810006: 'Sham Shui Po', 810007: 'Kowloon City', 810008: 'Wong Tai Sin',
  810009: 'Kwun Tong', 810010: 'Tsuen Wan', 810011: 'Tuen Mun', 810012: 'Yuen Long', 810013: 'North',
  810014: 'Tai Po', 810015: 'Sai Kung', 810016: 'Sha Tin', 810017: 'Kwai Tsing', 810018: 'Islands',
  820001: 'Our Lady of Fatima Parish', 820002: 'St. Anthony Parish', 820003: 'St. Lazarus Parish',
  820004: 'Cathedral Parish', 820005: 'St. Lawrence Parish', 820006: 'Our Lady of Carmel Parish',
  820007: 'Cotai', 820008: 'St. Francis Xavier Parish',
};

/**
 * Readings of place names (pinyin with or without tones), handed to pinyin-pro's
 * customPinyin, so they apply inside longer names too.
 */
export const READINGS = {
  六安: 'lù ān', 六合: 'lù hé', 蚌埠: 'bèng bù', 丽水: 'lí shuǐ', 番禺: 'pān yú', 厦门: 'xià mén',
  长沙: 'cháng shā', 重庆: 'chóng qìng', 长子: 'zhǎng zǐ', 蔚县: 'yù xiàn', 郫都: 'pí dū',
  大城: 'dà chéng', 乐亭: 'lào tíng', 乐清: 'yuè qīng', 洪洞: 'hóng tóng', 浒墅关: 'xǔ shù guān',
  浒关: 'xǔ guān', 解州: 'xiè zhōu', 单县: 'shàn xiàn', 歙县: 'shè xiàn', 涡阳: 'guō yáng',
  筠连: 'jún lián', 泌阳: 'bì yáng', 浚县: 'xùn xiàn', 繁峙: 'fán shì', 荥经: 'yíng jīng',
  大埔: 'dà bù', 吴堡: 'wú bǔ', 柞水: 'zhà shuǐ', 中牟: 'zhōng mù', 牟平: 'mù píng',
  珲春: 'hún chūn', 隰县: 'xí xiàn', 百色: 'bǎi sè', 枞阳: 'zōng yáng', 铅山: 'yán shān',
  东阿: 'dōng ē', 尉犁: 'yù lí', 莘县: 'shēn xiàn', 台州: 'tāi zhōu', 天台: 'tiān tāi',
  黄陂: 'huáng pí', 监利: 'jiàn lì', 曲阜: 'qū fù', 鄱阳: 'pó yáng', 华县: 'huà xiàn',
  华阴: 'huà yīn', 华山: 'huà shān', 济南: 'jǐ nán', 济宁: 'jǐ níng', 济源: 'jǐ yuán',
  会稽: 'kuài jī', 乐陵: 'lè líng', 朝阳: 'cháo yáng', 朝天: 'cháo tiān', 民乐: 'mín lè',
  泌水: 'bì shuǐ', 浚州: 'xùn zhōu', 蔚州: 'yù zhōu', 宕昌: 'tàn chāng', 栎阳: 'yuè yáng',
  大栅栏: 'dà shi lan',
  // Characters read one way in place names (什么 shen, but 什邡 Shifang, 第什营 Dishiying).
  都: 'dū', 什: 'shí', 柏: 'bǎi', 厦: 'xià', 蚌: 'bèng',
  // Rare characters of village names that pinyin-pro does not know: their kMandarin
  // reading in the Unicode Han database (Unihan_Readings.txt).
  㙟: 'lǎng', 㘵: 'bù', 㭎: 'gāng', 䌷: 'chōu', 㳇: 'fù', 㙦: 'xié', 㟓: 'qí', 䅟: 'cǎn', 䩐: 'hū',
  㙘: 'yāo', 㴩: 'yōng', 㙍: 'duō', 䢺: 'chū', 㯊: 'hén', 㵲: 'wǔ', 㱔: 'xiē', 䃎: 'zhà',
};

/**
 * Characters that the statistics list spells out from their parts because the character
 * set lacked them (瞿阝, (土郎), 氵甸): a character with the same reading stands in for
 * them, in the English name only.
 */
export const SPELLED_OUT = {
  '(土郎)': '朗', '（土郎）': '朗', '（瞿阝）': '渠', 瞿阝: '渠', '（氵甸）': '淀', 氵甸: '淀',
  '(田本)': '本', 氵丙: '炳', 寿阝: '寿',
};

/**
 * Communities (村/居委会, the fifth level): the kind of committee at the end of the name,
 * longest first, in the short form used in addresses (多福巷社区居委会 -> Duofuxiang
 * Community, 南高村委会 -> Nangao Village).
 */
export const COMMUNITY_KINDS = [
  ['社区居民委员会', 'Community'], ['社区居民委会', 'Community'], ['社区居委会', 'Community'],
  ['社区委员会', 'Community'], ['社区居委', 'Community'], ['居民委员会', 'Community'],
  ['居民委会', 'Community'], ['街道委员会', 'Community'], ['居委会', 'Community'], ['居委', 'Community'],
  ['家委会', 'Community'], ['虚拟社区', 'Community'], ['社区', 'Community'],
  ['居居委员会', 'Community'], ['居员会', 'Community'],
  ['村（居）委会', 'Village'], ['村民委员会', 'Village'], ['村民委会', 'Village'], ['村委员会', 'Village'],
  ['村民委员', 'Village'], ['村委员', 'Village'],
  ['牧民委员会', 'Village'], ['村委会', 'Village'], ['牧委会', 'Village'], ['渔委会', 'Village'],
  ['村委', 'Village'], ['村', 'Village'],
  ['嘎查人民委员会', 'Gacha'], ['嘎查村委员会', 'Gacha'], ['嘎查委员会', 'Gacha'], ['嘎查委会', 'Gacha'], ['嘎查', 'Gacha'],
  ['虚拟生活区', 'Living Quarter'], ['生活区', 'Living Quarter'],
  ['生产大队', 'Brigade'], ['大队', 'Brigade'], ['生产队', 'Production Team'], ['连队', 'Company'],
  ['队', 'Team'], ['委员会', 'Committee'],
].sort((a, b) => b[0].length - a[0].length);

/**
 * Notes in brackets after a community's name: those that only repeat the kind or the
 * status are left out of the English name, a few are translated, the others become pinyin.
 */
export const COMMUNITY_NOTES = {
  省级: null, 社区: null, 农村社区: null, 特殊村委会: null, 特殊社区: null, 村委会: null,
  同音: null, 部分: null, 筹备组: null, 新: 'New', 西: 'West', 集团: 'Group', 自贸区: 'Free Trade Zone',
};

/** Ethnic groups as named in autonomous areas and ethnic townships. */
export const ETHNIC = {
  蒙古族: 'Mongol', 蒙古: 'Mongol', 回族: 'Hui', 藏族: 'Tibetan', 维吾尔族: 'Uygur', 维吾尔: 'Uygur',
  苗族: 'Miao', 彝族: 'Yi', 壮族: 'Zhuang', 布依族: 'Bouyei', 朝鲜族: 'Korean', 满族: 'Manchu',
  侗族: 'Dong', 瑶族: 'Yao', 白族: 'Bai', 土家族: 'Tujia', 哈尼族: 'Hani', 哈萨克族: 'Kazak',
  哈萨克: 'Kazak', 傣族: 'Dai', 黎族: 'Li', 傈僳族: 'Lisu', 佤族: 'Va', 畲族: 'She', 高山族: 'Gaoshan',
  拉祜族: 'Lahu', 水族: 'Shui', 东乡族: 'Dongxiang', 纳西族: 'Naxi', 景颇族: 'Jingpo',
  柯尔克孜族: 'Kirgiz', 柯尔克孜: 'Kirgiz', 土族: 'Tu', 达斡尔族: 'Daur', 仫佬族: 'Mulao', 羌族: 'Qiang',
  布朗族: 'Blang', 撒拉族: 'Salar', 毛南族: 'Maonan', 仡佬族: 'Gelao', 锡伯族: 'Xibe', 锡伯: 'Xibe',
  阿昌族: 'Achang', 普米族: 'Pumi', 塔吉克族: 'Tajik', 塔吉克: 'Tajik', 怒族: 'Nu', 乌孜别克族: 'Uzbek',
  俄罗斯族: 'Russian', 鄂温克族: 'Ewenki', 鄂温克: 'Ewenki', 德昂族: 'De\'ang', 保安族: 'Bonan',
  裕固族: 'Yugur', 京族: 'Gin', 塔塔尔族: 'Tatar', 独龙族: 'Derung', 鄂伦春族: 'Oroqen', 鄂伦春: 'Oroqen',
  赫哲族: 'Hezhen', 门巴族: 'Monba', 珞巴族: 'Lhoba', 基诺族: 'Jino', 各族: 'Various Nationalities',
};

/**
 * Suffixes, longest first. `ethnic` marks suffixes whose stem may end in ethnic groups;
 * `levels` limits a suffix to some levels. An empty English text drops the suffix (市).
 */
const SUFFIXES = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新技术开发区', 'High-tech Development Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['工业开发区', 'Industrial Development Zone'],
  ['综合保税区', 'Comprehensive Bonded Zone'],
  ['街道办事处', 'Subdistrict'],
  ['管理委员会', 'Administrative Committee'],
  ['工业园区', 'Industrial Park'],
  ['产业园区', 'Industrial Park'],
  ['民族乡', 'Ethnic Township'],
  ['开发区', 'Development Zone'],
  ['经开区', 'Economic Development Zone'],
  ['自治州', 'Autonomous Prefecture', { ethnic: true }],
  ['自治县', 'Autonomous County', { ethnic: true }],
  ['自治旗', 'Autonomous Banner', { ethnic: true }],
  ['管委会', 'Administrative Committee'],
  ['管理区', 'Administrative Area'],
  ['管理处', 'Administration Office'],
  ['管理局', 'Administration'],
  ['林业局', 'Forestry Bureau'],
  ['办事处', 'Office'],
  ['工业园', 'Industrial Park'],
  ['产业园', 'Industrial Park'],
  ['科技园', 'Science Park'],
  ['高新区', 'High-tech Zone'],
  ['示范区', 'Demonstration Zone'],
  ['度假区', 'Resort'],
  ['风景区', 'Scenic Area'],
  ['保税区', 'Bonded Zone'],
  ['工业区', 'Industrial Zone'],
  ['族乡', 'Ethnic Township', { ethnic: true, keep: '族' }],
  ['街道', 'Subdistrict'],
  ['园区', 'Park'],
  ['农场', 'Farm'],
  ['林场', 'Forest Farm'],
  ['茶场', 'Tea Farm'],
  ['牧场', 'Ranch'],
  ['渔场', 'Fishery'],
  ['监狱', 'Prison'],
  ['苏木', 'Sumu'],
  ['新区', 'New Area'],
  ['特区', 'Special District'],
  ['矿区', 'Mining District'],
  ['群岛', 'Islands'],
  ['地区', 'Prefecture', { levels: ['CITY'] }],
  ['地区', 'Area'],
  ['盟', 'League', { levels: ['CITY'] }],
  ['旗', 'Banner'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', ''],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['省', 'Province'],
];

// Longest first (a stable sort keeps the level-limited 地区 before the general one).
SUFFIXES.sort((a, b) => b[0].length - a[0].length);

const ETHNIC_KEYS = Object.keys(ETHNIC).sort((a, b) => b.length - a.length);

const joinList = (items) => (items.length <= 1 ? items.join('')
  : items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]);

/**
 * @param pinyinPro the pinyin-pro module ({ pinyin, customPinyin })
 * @returns a function of a row ({ code, name, level }) giving its English name
 */
export function englishNamer(pinyinPro) {
  pinyinPro.customPinyin(READINGS);

  /** Syllables -> pinyin word (Chaoyang, Xi'an). */
  const word = (syllables) => {
    let w = '';
    syllables.forEach((s, i) => {
      if (i > 0 && /^[aoe]/.test(s) && /[a-zü]$/.test(w)) w += '\'';
      w += s;
    });
    return w.charAt(0).toUpperCase() + w.slice(1);
  };

  /** One syllable (or other character) per character of the text. */
  const syllablesOf = (text) => {
    const chars = [...text];
    const syllables = pinyinPro.pinyin(text, { toneType: 'none', type: 'array' });
    if (syllables.length === chars.length) return syllables;
    return chars.map((ch) => pinyinPro.pinyin(ch, { toneType: 'none' }));
  };

  const romanize = (text) => word(syllablesOf(text));

  const translate = (name, level) => {
    const bracket = name.match(/^(.*)（(.*)）(.*)$/);
    if (bracket) {
      const [, before, inner, after] = bracket;
      const main = translate(before + after, level);
      const part = (p) => (SUFFIXES.find(([suffix]) => suffix === p)?.[1] || translate(p, level));
      return `${main} (${inner.split('、').map(part).join(' / ')})`;
    }
    for (const [suffix, english, opts = {}] of SUFFIXES) {
      if (!name.endsWith(suffix) || name.length === suffix.length) continue;
      if (opts.levels && !opts.levels.includes(level)) continue;
      let stem = name.slice(0, name.length - suffix.length) + (opts.keep || '');
      const groups = [];
      if (opts.ethnic) {
        for (let found = true; found;) {
          found = false;
          for (const key of ETHNIC_KEYS) {
            if (stem.endsWith(key) && (stem.length > key.length || groups.length === 0)) {
              groups.unshift(ETHNIC[key]);
              stem = stem.slice(0, stem.length - key.length);
              found = stem.length > 0;
              break;
            }
          }
        }
      }
      if (opts.keep && groups.length === 0) {
        // 族乡 without a known ethnic group: treat as a plain township name.
        stem = name.slice(0, name.length - 1);
        return [romanize(stem), 'Township'].join(' ');
      }
      const words = [];
      if (stem) words.push(word(syllablesOf(name).slice(0, [...stem].length)));
      if (groups.length) words.push(joinList(groups));
      if (english) words.push(english);
      return words.join(' ');
    }
    return romanize(name);
  };

  /**
   * Text that may mix Chinese with digits and Latin letters: each run of Chinese becomes
   * one pinyin word, digits and letters stay (IT家园 -> IT Jiayuan), "40号" becomes
   * "No. 40"; other signs (、·) only separate words, and characters without a reading
   * (private-use code points) are left out.
   */
  const romanizeMixed = (text) => {
    const words = [];
    for (const m of text.matchAll(/(\d+)号|[0-9A-Za-z]+|\p{Script=Han}+|./gu)) {
      if (m[1]) {
        words.push(`No. ${m[1]}`);
      } else if (/^[0-9A-Za-z]+$/.test(m[0])) {
        words.push(m[0]);
      } else if (/^\p{Script=Han}+$/u.test(m[0])) {
        const w = romanize(m[0]).replace(/[^A-Za-zü']/g, '').replace(/^'+/, '');
        if (w) words.push(w.charAt(0).toUpperCase() + w.slice(1));
      }
    }
    return words.join(' ');
  };

  /**
   * A name without notes: the kind at its end translated, the rest romanized. A village's
   * own 村 goes with the kind (铁塘村村委会 -> Tietang Village, 立新村村委会 -> Lixin
   * Village), but not from a short name or a 新村 (新村村委会 -> Xincun Village, 和平新村村委会
   * -> Hepingxincun Village), and an ethnic group before the kind is translated (西斋回族社区 -> Xizhai Hui
   * Community).
   */
  const communityMain = (text) => {
    for (const [suffix, english] of COMMUNITY_KINDS) {
      if (text.endsWith(suffix)) {
        let stem = text.slice(0, text.length - suffix.length);
        const chars = [...stem];
        if (english === 'Village' && chars.length > 2 && chars[chars.length - 1] === '村'
            && !(chars.length > 3 && chars[chars.length - 2] === '新')) {
          stem = stem.slice(0, -1);
        }
        const group = ETHNIC_KEYS.find((key) => key.endsWith('族') && stem.endsWith(key) && stem.length > key.length);
        if (group) stem = stem.slice(0, stem.length - group.length);
        return [romanizeMixed(stem), group && ETHNIC[group], english].filter(Boolean).join(' ');
      }
    }
    for (const [suffix, english, opts = {}] of SUFFIXES) {
      if (text.endsWith(suffix) && text.length > suffix.length && !opts.levels && !opts.keep && english) {
        return [romanizeMixed(text.slice(0, text.length - suffix.length)), english].filter(Boolean).join(' ');
      }
    }
    return romanizeMixed(text);
  };

  /**
   * A community (村/居委会): 多福巷社区居委会 -> Duofuxiang Community, 南高村委会 ->
   * Nangao Village, 站前社区（白河） -> Zhanqian Community (Baihe).
   */
  const community = (name) => {
    let text = name;
    for (const [spelled, stand] of Object.entries(SPELLED_OUT)) text = text.split(spelled).join(stand);
    text = text
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
      .replace(/\(/g, '（').replace(/\)/g, '）')
      .replace('村（居）委会', '村委会')
      .replace(/会会$/, '会');
    const notes = [];
    const main = text.replace(/（([^（）]*)）/g, (all, inner) => { notes.push(inner); return ''; });
    const words = [communityMain(main)];
    for (const note of notes) {
      const english = (note in COMMUNITY_NOTES) ? COMMUNITY_NOTES[note] : (ETHNIC[note] || communityMain(note));
      if (english) words.push(`(${english})`);
    }
    return words.filter(Boolean).join(' ');
  };

  return (row) => BY_CODE[row.code] || (row.level === 'COMMUNITY' ? community(row.name)
    : (WHOLE[row.name] || translate(row.name, row.level)));
}
