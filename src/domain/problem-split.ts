/**
 * Splits a report's 存在的问题 text into statements (docs/domain.md#splitting-statements). Reports enumerate their
 * problems (一是 / （一） / (1) / 1、 / 1. / 一、 / ①); an enumerated item is one statement even when
 * it has several sentences (the headline plus its explanation). Text without enumerators is split
 * into sentences on 。；; and line breaks. Lead-ins ("主要存在以下几个问题：") and closing remarks
 * ("以上问题我们将……") are dropped.
 */

/** One statement cut from a report, in report order (`seq` starts at 1 and has no gaps). */
export interface SplitStatement {
  readonly seq: number;
  readonly text: string;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,2}';
// Enumerators that may start a clause after sentence punctuation, a colon, a line break or
// whitespace (or the start of the text). `1.` must not be followed by a digit (1.5万元).
const CLAUSE_ENUM = `[（(]\\s*(?:${CN_NUM}|${DIGITS})\\s*[)）]|${DIGITS}(?:[、．]|\\.(?![0-9]))|${CN_NUM}、`;
// "一是 / 二是" also follows a comma: "主要有：一是……，二是……".
const SHI_ENUM = `${CN_NUM}是`;
const ENUM_RE = new RegExp(
  // Circled numbers (①②) are unambiguous anywhere.
  `(?:^|(?<=[。；;：:！!？?\\s]))(?:${CLAUSE_ENUM})|(?:^|(?<=[。；;：:！!？?\\s，,]))(?:${SHI_ENUM})|[①-⑳]`,
  'gu',
);

const SENTENCE_END_RE = /(?<=[。；;！!？?])|\r?\n/u;
const EDGE_PUNCT_RE = /^[\s，,、。；;：:．.！!？?]+|[\s，,、。；;：:．.！!？?]+$/gu;
// A heading that sometimes comes along with the pasted section.
const HEADING_RE = /^(?:[一二三四五六七八九十]+、)?\s*(?:存在的?|主要)?(?:问题|不足)(?:和不足|与不足)?$/u;
// A sentence that only announces the problems. The filler between the verb and 问题 is limited to
// quantity words so that "个别村存在重安排轻落实的问题" is not taken for a lead-in.
const LEADIN_RE =
  /(?:存在|还有|仍有|仍然存在|也存在|表现在|表现为|主要有|如下)(?:以下|如下|一些|一定|诸多|不少|许多|几个|几点|几方面|主要|的|[一二三四五六七八九十两几\d]+个?|方面|\s)*(?:问题|不足|短板|薄弱环节|差距)(?:和不足|与不足)?$/u;
// Closing remarks after the last problem.
const CLOSING_RE = /^(?:针对|对于|对)?(?:以上|上述|这些)(?:问题|不足)|^对此[，,]/u;

const trimEdges = (s: string): string => s.replace(EDGE_PUNCT_RE, '');

// Words that make a 存在…问题 sentence an announcement rather than a problem.
const ANNOUNCE_RE = /以下|如下|一些|几个|几点|几方面|诸多|不少|主要/u;
// A lead-in without announcing words is short ("仍存在一定差距"); a long sentence that merely ends
// like one ("我乡地处山区，……抢险救援能力与防汛形势需要还有一定差距") is the problem itself.
const MAX_BARE_LEADIN_CHARS = 16;

/** True when a (trimmed) sentence only announces what follows. */
function isSentenceLeadIn(sentence: string): boolean {
  if (HEADING_RE.test(sentence)) return true;
  if (!LEADIN_RE.test(sentence)) return false;
  return ANNOUNCE_RE.test(sentence) || [...sentence].length <= MAX_BARE_LEADIN_CHARS;
}

/** Removes an announcing prefix ending in a colon ("主要问题：企业……" → "企业……"). */
function stripColonLeadIn(sentence: string): string {
  const idx = Math.max(sentence.lastIndexOf('：'), sentence.lastIndexOf(':'));
  if (idx < 0) return sentence;
  const before = sentence.slice(0, idx);
  // Any clause before a colon that talks about 问题/不足/差距/以下/如下 is an announcement.
  if (/问题|不足|差距|以下|如下|短板/u.test(before)) return sentence.slice(idx + 1);
  return sentence;
}

/**
 * Splits free text into kept sentences. `beforeList`: the text precedes enumerated items, so a
 * sentence ending in a colon announces them ("主要有：") and is dropped whatever its words.
 */
function sentences(text: string, beforeList: boolean): string[] {
  const out: string[] = [];
  for (const raw of text.split(SENTENCE_END_RE)) {
    const endsWithColon = /[：:]\s*$/u.test(raw);
    let s = trimEdges(stripColonLeadIn(trimEdges(raw)));
    if (endsWithColon && (beforeList || /问题|不足|差距|以下|如下|短板/u.test(raw))) s = '';
    if (s === '' || isSentenceLeadIn(s) || CLOSING_RE.test(s)) continue;
    out.push(s);
  }
  return out;
}

/**
 * A sentence inside an enumerated item that only announces (a heading such as 二、存在的问题, or
 * 主要存在以下几个问题). A problem that merely ends like a lead-in (责任落实存在薄弱环节) is kept.
 */
const isItemLeadIn = (s: string): boolean => HEADING_RE.test(s) || (LEADIN_RE.test(s) && ANNOUNCE_RE.test(s));

/** Cleans one enumerated item: drops headings, announcements and closing remarks, trims punctuation. */
function cleanItem(body: string): string {
  const kept: string[] = [];
  for (const raw of body.split(SENTENCE_END_RE)) {
    const s = trimEdges(stripColonLeadIn(trimEdges(raw)));
    if (s === '' || isItemLeadIn(s)) continue;
    if (CLOSING_RE.test(s)) break; // everything after "以上问题……" is closing text
    kept.push(raw.trim());
  }
  return trimEdges(kept.join('').replace(/\s+/gu, ' '));
}

/**
 * Splits `problems_text` into ordered statements. null, '' and whitespace give []. Text before the
 * first enumerator is kept as sentence statements unless it is a lead-in. Enumerators, edge
 * punctuation and lead-ins are stripped; internal whitespace is collapsed.
 * @example splitProblemsText('一是企业责任不落实；二是培训不到位。') → [{seq:1,text:'企业责任不落实'},{seq:2,text:'培训不到位'}]
 */
export function splitProblemsText(text: string | null | undefined): SplitStatement[] {
  if (text === null || text === undefined) return [];
  const src = text.replace(/\r\n?/gu, '\n');
  if (src.trim() === '') return [];
  const starts: { index: number; length: number }[] = [];
  for (const m of src.matchAll(ENUM_RE)) starts.push({ index: m.index, length: m[0].length });

  const texts: string[] = [];
  const preamble = starts.length > 0 ? src.slice(0, starts[0]!.index) : src;
  for (const t of sentences(preamble, starts.length > 0)) texts.push(t);
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : src.length;
    const item = cleanItem(src.slice(s.index + s.length, end));
    if (item !== '') texts.push(item);
  });
  return texts.map((t, i) => ({ seq: i + 1, text: t }));
}
