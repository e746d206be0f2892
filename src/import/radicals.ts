/**
 * CJK radicals read back as the characters they stand for. PDF writers often
 * map a glyph that a font shares between a radical and a character (⼀ and 一,
 * ⽉ and 月, ⻓ and 长) to the radical's code point, so the PDF's text says ⽉
 * where the page shows 月. No bulletin writes a radical as a character of its
 * own, so text read from a PDF takes the character.
 *
 * The table is Unicode's EquivalentUnifiedIdeograph.txt (Unicode 15.0) for
 * the blocks CJK Radicals Supplement (U+2E80–U+2EFF) and Kangxi Radicals
 * (U+2F00–U+2FDF), as pairs: each radical followed by its character. Where
 * Simplified Chinese fonts draw a radical as another character than that
 * table names (Noto Sans and Serif CJK SC share ⼾'s glyph with 户, not 戶),
 * `simplified` takes the fonts' character: the one the page shows.
 */

const pairs =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕𫜹⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王' +
  '⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長' +
  '⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅' +
  '⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山' +
  '⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戶⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火' +
  '⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而' +
  '⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里' +
  '⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎' +
  '⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠';

// Read from the cmaps of Noto Sans CJK SC and Noto Serif CJK SC: the character sharing each radical's glyph.
const simplified = '⺍𭕄⺕彐⺩𤣩⺫罒⼾户';

const table = new Map<string, string>();
for (const list of [pairs, simplified]) {
  const chars = [...list];
  for (let index = 0; index < chars.length; index += 2) table.set(chars[index]!, chars[index + 1]!);
}

const radical = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

/** `text` with every radical replaced by its character, and how many were replaced. */
export function replaceRadicals(text: string): { text: string; count: number } {
  let count = 0;
  const replaced = text.replace(radical, (char) => {
    const equivalent = table.get(char);
    if (equivalent === undefined) return char;
    count++;
    return equivalent;
  });
  return { text: replaced, count };
}
