/**
 * Township-name matching against the district's master list (docs/domain.md#township-names; docs/input-rules.md A9,
 * A13, D16, F4, F5, F8). Names are user data: every lookup is a `Map`, so `constructor` or
 * `__proto__` are just unknown names.
 */
import type { Township } from '../domain/records';
import type { MessageKey } from '../i18n/catalog';
import { quoteValue } from './cells/cell-result';
import { hasControlChars, normaliseCell } from './normalise-text';

/** Longest township name accepted (after normalisation). */
export const MAX_TOWNSHIP_CHARS = 30;

/** The outcome of matching one township cell. */
export type TownshipMatch =
  | { kind: 'match'; name: string; via: 'exact' | 'alias' | 'normalised' | 'variant' }
  | { kind: 'unknown'; normalised: string; suggestion: string | null }
  | { kind: 'invalid'; code: MessageKey; params: Readonly<Record<string, string | number>> };

// Office suffixes, longest first so 人民政府 wins over 政府.
const OFFICE_SUFFIXES = ['人民政府', '政府', '党委', '安委会', '安委办', '应急办', '安监站'];
// Township-type endings, longest first; used for the district prefix rule and the bare-name match.
const TYPE_SUFFIXES = ['街道', '地区', '苏木', '园区', '开发区', '工业园', '服务中心', '管委会', '乡', '镇'];
const DISTRICT_PREFIX = /^(.{1,6}?[省市区县旗])(.+)$/;
const MARKUP = /[{}|<>]/;
const LOST = /[?\uFFFD]/;
const NOT_A_NAME = /^[\p{N}\p{P}\p{S}\s]+$/u;

function stripSuffixOnce(name: string): string {
  for (const s of OFFICE_SUFFIXES) {
    if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  }
  if (name.endsWith('办事处') && name.length > 3) {
    const base = name.slice(0, -3);
    // 街道 = 街道办事处 = 办事处 (docs/domain.md#township-names); 良乡地区办事处 keeps its 地区.
    return TYPE_SUFFIXES.some((t) => base.endsWith(t)) ? base : `${base}街道`;
  }
  return name;
}

/** True when `name` is a type suffix preceded by at least one character (小召乡, 城关街道). */
function looksLikeTownship(name: string): boolean {
  return TYPE_SUFFIXES.some((t) => name.endsWith(t) && name.length > t.length);
}

/**
 * Normalises a township name for matching: {@link normaliseCell} (NFKC, no zero-width characters),
 * all whitespace removed (incl. U+3000), office suffixes stripped (人民政府, 政府, 党委, 安委会,
 * 安委办, 应急办, 安监站; 街道办事处 → 街道, XX办事处 → XX街道), and a leading `XX区`/`XX县`/`XX市`
 * prefix dropped when what follows is itself a township name (`新城区东关街道` → `东关街道`, but
 * `城区街道` stays). Empty input gives ''.
 */
export function normaliseTownshipName(raw: string): string {
  let name = normaliseCell(raw).replace(/\s+/g, '');
  for (let i = 0; i < 4; i++) {
    const next = stripSuffixOnce(name);
    if (next === name) break;
    name = next;
  }
  for (let i = 0; i < 3; i++) {
    const m = DISTRICT_PREFIX.exec(name);
    const rest = m?.[2];
    if (rest === undefined || !looksLikeTownship(rest)) break;
    name = rest;
  }
  return name;
}

/** The name without its type ending (小召乡 → 小召); unchanged when it has none. */
function baseName(name: string): string {
  for (const t of TYPE_SUFFIXES)
    if (name.endsWith(t) && name.length > t.length) return name.slice(0, -t.length);
  return name;
}

// Traditional → simplified for characters common in place names (Big5 files, Hong Kong/Taiwan
// software, old seals). Pairs are written trad+simp; only characters never used in simplified
// text are included (於 is left out: 於潜镇 is its simplified name).
const TRAD_PAIRS =
  '關关鎮镇鄉乡東东區区門门莊庄灣湾陽阳興兴華华橋桥龍龙長长豐丰廣广雙双溝沟園园寶宝馬马張张劉刘陳陈' +
  '楊杨黃黄趙赵鳳凤嶺岭縣县開开發发會会義义順顺鐵铁鋼钢礦矿農农場场廠厂葉叶湯汤壩坝灘滩塢坞營营爾尔' +
  '團团國国雲云蘭兰臺台蘇苏達达連连遠远進进運运邊边過过還还選选遼辽鄧邓鄭郑鄰邻鎖锁錦锦銀银鋪铺鐘钟' +
  '鍾钟閣阁閘闸陸陆隴陇隱隐雜杂雞鸡離离難难電电靈灵響响頭头須须領领頓顿頌颂題题額额風风飛飞館馆駐驻' +
  '騰腾驛驿鬆松魯鲁鮮鲜鳥鸟鳴鸣鶴鹤鷹鹰鹽盐麥麦黨党齊齐龜龟歸归歲岁殘残氣气漢汉潤润澤泽濱滨濟济烏乌' +
  '無无煙烟熱热燈灯爐炉牆墙獅狮獻献環环現现瑪玛畝亩畢毕當当疊叠盤盘盧卢祿禄禮礼禎祯窪洼窯窑竇窦筆笔' +
  '節节範范築筑簡简糧粮紅红紀纪純纯紡纺細细經经綏绥維维綠绿網网線线總总織织羅罗習习聖圣聯联聲声肅肃' +
  '臨临舊旧蒼苍蓮莲蔣蒋薊蓟藍蓝蘆芦處处號号蝦虾術术衛卫衝冲裏里裡里製制覺觉觀观許许詩诗誠诚謝谢譚谭' +
  '護护讓让豬猪貝贝貢贡財财貴贵賀贺資资賈贾賓宾賢贤賴赖贛赣車车軍军軒轩輝辉轉转辦办迴回週周郵邮鄒邹' +
  '醫医釀酿鈞钧鉛铅錢钱鍋锅鏈链閃闪閔闵閩闽陣阵陰阴險险隨随際际隊队雛雏霧雾靜静韓韩預预頤颐顏颜願愿' +
  '顧顾馮冯駱骆驊骅鮑鲍鴻鸿鵬鹏麗丽點点齋斋龐庞壽寿夢梦奮奋學学寧宁實实寬宽對对層层嶽岳巖岩峽峡島岛' +
  '崗岗嶼屿巒峦廟庙廬庐廳厅彎弯強强後后從从復复憲宪懷怀戰战戶户撫抚擴扩斷断時时晉晋書书條条棗枣楓枫' +
  '榮荣樂乐樓楼樹树橫横檢检櫻樱權权歡欢歷历溫温滄沧滬沪滿满漁渔潔洁潛潜澗涧濤涛濰潍瀋沈瀘泸灤滦爺爷' +
  '狀状獎奖產产畫画異异療疗監监眾众礎础碼码確确種种穩稳窩窝競竞籃篮約约級级組组結结統统絲丝續续聞闻' +
  '職职腳脚舉举萬万葦苇薑姜藥药蘋苹蟲虫蠶蚕補补裝装見见規规親亲記记設设證证評评試试誌志說说調调論论' +
  '講讲識识議议變变貨货購购賣卖贊赞躍跃軟软較较載载輕轻輪轮這这適适遺遗郟郏鄖郧釋释針针鋁铝錫锡鏡镜' +
  '閒闲闊阔陝陕韋韦頂顶項项頻频顯显飯饭養养餘余驗验騎骑體体鬥斗魚鱼鯉鲤鵝鹅鶯莺鷺鹭齒齿縉缙閬阆儀仪';

/** Traditional → simplified character table (about 390 pairs), keyed by the traditional form. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = [...TRAD_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i] as string, chars[i + 1] as string);
  return m;
})();

/** Maps traditional characters in `s` to simplified ones; other characters are kept. */
export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/** Levenshtein distance over code points, giving up (returning cap + 1) once it exceeds `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Validates a raw name; returns an 'invalid' match or the normalised name. */
function validate(raw: string): TownshipMatch | string {
  const value = quoteValue(raw);
  if (raw.length > MAX_TOWNSHIP_CHARS * 8) {
    return {
      kind: 'invalid',
      code: 'cells.township.too_long',
      params: { value, length: raw.length, max: MAX_TOWNSHIP_CHARS },
    };
  }
  if (hasControlChars(raw)) return { kind: 'invalid', code: 'cells.control_chars', params: { value } };
  const cleaned = normaliseCell(raw).replace(/\s+/g, '');
  if (cleaned === '') return { kind: 'invalid', code: 'cells.township.empty', params: {} };
  const markup = MARKUP.exec(cleaned);
  if (markup) return { kind: 'invalid', code: 'cells.township.markup', params: { value, char: markup[0] } };
  if (LOST.test(cleaned)) return { kind: 'invalid', code: 'cells.township.lost_chars', params: { value } };
  const name = normaliseTownshipName(raw);
  const length = [...name].length;
  if (length > MAX_TOWNSHIP_CHARS) {
    return {
      kind: 'invalid',
      code: 'cells.township.too_long',
      params: { value, length, max: MAX_TOWNSHIP_CHARS },
    };
  }
  if (NOT_A_NAME.test(name)) return { kind: 'invalid', code: 'cells.township.not_a_name', params: { value } };
  return name;
}

/** A township name checked against the importer's name rules: its normalised form, or why not. */
export type TownshipNameCheck =
  | { readonly ok: true; readonly name: string }
  | {
      readonly ok: false;
      readonly code: MessageKey;
      readonly params: Readonly<Record<string, string | number>>;
    };

/**
 * The importer's name rules as one reusable check (the settings' township list uses it too, so the
 * list can never hold a name a file could not match): not empty, no control characters, no
 * `{ } | < >`, no `?`/`？`/`�` (characters lost by an ANSI save), at most 30 characters after
 * {@link normaliseTownshipName}, not only digits/punctuation. `ok` carries the normalised name.
 */
export function checkTownshipName(raw: string): TownshipNameCheck {
  const checked = validate(raw);
  if (typeof checked === 'string') return { ok: true, name: checked };
  return checked.kind === 'invalid'
    ? { ok: false, code: checked.code, params: checked.params }
    : { ok: true, name: normaliseTownshipName(raw) };
}

/** Adds `t` under `key`; a key shared by two townships is remembered as ambiguous (null). */
function put(index: Map<string, Township | null>, key: string, t: Township): void {
  if (key === '') return;
  const seen = index.get(key);
  if (seen === undefined) index.set(key, t);
  else if (seen !== null && seen.name !== t.name) index.set(key, null);
}

interface Index {
  readonly byName: Map<string, Township | null>;
  readonly byAlias: Map<string, Township | null>;
  readonly byBase: Map<string, Township | null>;
}

// Master lists are small (10–40 names) but matching runs once per row; cache per list object.
const INDEX_CACHE = new WeakMap<readonly Township[], Index>();

function indexOf(known: readonly Township[]): Index {
  const cached = INDEX_CACHE.get(known);
  if (cached) return cached;
  const byName = new Map<string, Township | null>();
  const byAlias = new Map<string, Township | null>();
  const byBase = new Map<string, Township | null>();
  for (const t of known) {
    const n = normaliseTownshipName(t.name);
    put(byName, n, t);
    put(byBase, baseName(n), t);
    for (const a of t.aliases) put(byAlias, normaliseTownshipName(a), t);
  }
  const index = { byName, byAlias, byBase };
  INDEX_CACHE.set(known, index);
  return index;
}

/** Finds `name` by normalised name, then alias, then (for a bare name without suffix) base name. */
function lookup(index: Index, name: string): { t: Township; via: 'alias' | 'normalised' } | null {
  const byName = index.byName.get(name);
  if (byName) return { t: byName, via: 'normalised' };
  const byAlias = index.byAlias.get(name);
  if (byAlias) return { t: byAlias, via: 'alias' };
  // `小召` for `小召乡`: only when the cell has no type ending itself and the base is unique.
  if (!looksLikeTownship(name)) {
    const byBase = index.byBase.get(name);
    if (byBase) return { t: byBase, via: 'normalised' };
  }
  return null;
}

/** Closest known name within 1 edit (names of 2–3 characters) or 2 edits (longer); first wins ties. */
function suggest(known: readonly Township[], name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const t of known) {
    for (const candidate of [t.name, ...t.aliases]) {
      const c = normaliseTownshipName(candidate);
      const limit = Math.max([...c].length, [...name].length) <= 3 ? 1 : 2;
      const d = editDistance(name, c, limit);
      if (d <= limit && d < bestDistance) {
        best = t.name;
        bestDistance = d;
      }
    }
  }
  return best;
}

/**
 * Matches a township cell against the master list. Order: the exact name (`via: 'exact'`); an
 * alias typed exactly (`alias`); equal after {@link normaliseTownshipName} (`normalised`, e.g.
 * `城关镇人民政府`, ` 城关镇\u200B`); an alias after normalisation (`alias`); a bare name whose
 * base is unique (`小召` → `小召乡`, `normalised`); the same after mapping traditional characters
 * to simplified (`城關鎮` → `城关镇`, `variant`). Otherwise 'unknown' with the normalised name and
 * a suggestion within a small edit distance (`城光镇` → `城关镇`), or null. With an empty `known`
 * list every well-formed name is 'unknown' (suggestion null) and the caller accepts it as written.
 * 'invalid' (with a `cells.*` code) for an empty name, control characters, `{ } | < >`, `?`/`？`/`�`
 * (characters lost by an ANSI save), more than 30 characters, or only digits/punctuation.
 */
export function matchTownship(raw: string, known: readonly Township[]): TownshipMatch {
  const checked = validate(raw);
  if (typeof checked !== 'string') return checked;
  const name = checked;
  for (const t of known) if (t.name === raw) return { kind: 'match', name: t.name, via: 'exact' };
  for (const t of known) if (t.aliases.includes(raw)) return { kind: 'match', name: t.name, via: 'alias' };
  if (known.length === 0) return { kind: 'unknown', normalised: name, suggestion: null };
  const index = indexOf(known);
  const direct = lookup(index, name);
  if (direct) return { kind: 'match', name: direct.t.name, via: direct.via };
  // Simplify before normalising so traditional suffixes (辦事處, 人民政府 in 政府 form) strip too.
  const simplified = normaliseTownshipName(toSimplified(raw));
  if (simplified !== name) {
    const variant = lookup(index, simplified);
    if (variant) return { kind: 'match', name: variant.t.name, via: 'variant' };
  }
  return { kind: 'unknown', normalised: name, suggestion: suggest(known, simplified) };
}
