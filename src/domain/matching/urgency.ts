/**
 * Judging urgency from the sentences around a mention.
 *
 * Each sentence is searched for cue phrases (killed, arrested, threatened, released ...). A cue is
 * dropped when negated ("was not arrested"), downgraded to `elevated` when only threatened or
 * hypothetical ("at risk of being forcibly returned", "called for her arrest"), and ordered in
 * time: "released after being detained" keeps the later event. A crime someone is accused of
 * ("convicted of assault") counts as the charge, not as violence done to them.
 */
import type { Urgency } from './types.js';

type Level = 'critical' | 'high' | 'elevated' | 'good-news';

interface Cue {
  level: Level;
  at: number;
  time: number;
  word: string;
}

const CRITICAL =
  /(?<![\p{L}])(killed|killing|murder(?:ed)?|assassinat(?:ed|ion)|shot dead|executed|execution|hanged|beaten to death|died|death in (?:custody|detention|prison)|found dead|disappeared|disappearance|forcibly disappeared|missing|abduct(?:ed|ion)|kidnap(?:ped|ping)|tortured?|torturing|attack(?:ed)?|assault(?:ed)?|stabbed|beaten|beat|beating|shot|injured|wounded|poisoned|hospitali[sz]ed|lynched|убит[а-я]*|похищ[а-я]*|пропал[а-я]*|пытк[а-я]*|избит[а-я]*)(?![\p{L}])/gu;
const HIGH =
  /(?<![\p{L}])(arrest(?:ed|s)?|detain(?:ed|s)?|detention|(?:in|into|under) (?:police )?custody|jail(?:ed)?|imprison(?:ed|ment)?|prisoner|prison sentence|(?:in|from|to) (?:\S+ ){0,2}?(?:prison|jail)|held incommunicado|behind bars|deport(?:ed|ation)|forcibly (?:returned|repatriated)|extradit(?:ed|ion)|refoul(?:ed|ement)|charged|charges|indict(?:ed|ment)|prosecut(?:ed|ion)|convict(?:ed|ion)|sentenced|sentence|passports? (?:\S+ ){0,6}?(?:revoked|cancell?ed|confiscated|null and void|seized|invalidated)|revoked (?:\S+ ){0,4}?passports?|house arrest|remanded|treason|арест[а-я]*|задержан[а-я]*|осужд[а-я]*|приговор[а-я]*|обвин[а-я]*)(?![\p{L}])/gu;
const ELEVATED =
  /(?<![\p{L}])(threat(?:s|en|ened|ening)?|harass(?:ed|ment|ing)?|intimidat(?:ed|ion|ing)|surveil(?:led|lance)|monitored|spied|summon(?:ed|s)?|questioned|interrogat(?:ed|ion)|(?:denied|refused) entry|denied (?:checking|boarding)|barred|travel ban|banned from|warrants?|labell?ed (?:as )?traitors?|raid(?:ed)?|under investigation|sued|lawsuit|defamation|fled|exiled?|in hiding|at (?:serious )?risk|targeted|persecut(?:ed|ion)|blacklisted|угроз[а-я]*|преследова[а-я]*)(?![\p{L}])/gu;
const GOOD =
  /(?<![\p{L}])((?:was|were|been|being|is|are|be|get|got|gets|later|finally|eventually|now|recently|newly|provisionally|conditionally|unconditionally|has|have|had)\s+(?:(?!not\b|never\b)\S+\s+)?(?:released|freed)|released (?:from|on bail|after|without|today|yesterday|her|him|them)|(?:release|freeing) of|(?:his|her|their|s|provisional|conditional|early) release|(?:due|set|expected|scheduled) to be (?:released|freed)|(?:decision|decided|ruled|voted|agreed|ordered) to (?:acquit|release|free|drop)|set free|acquit(?:ted|tal)|(?:charges?|case|conviction|sentence|verdict)s? (?:\S+ ){0,5}?(?:dropped|dismissed|quashed|overturned|withdrawn)|(?:dropped|dismissed|quashed|overturned|withdrew) (?:the |all |his |her )?(?:charges?|case|conviction)|pardon(?:ed)?|found (?:alive|safe)|returned (?:home )?safely|reunited|lifted (?:the |his |her )?(?:travel )?ban|освобожд[а-я]*|оправдан[а-я]*)(?![\p{L}])/gu;

/** Scripts without word spaces: substring cues. */
const NATIVE_CUES: { re: RegExp; level: Level }[] = [
  { re: /(อุ้มหาย|ถูกทำร้าย|ถูกสังหาร|เสียชีวิต|សម្លាប់|ស្លាប់|បាត់ខ្លួន|ចាប់ពង្រត់|ធ្វើទារុណកម្ម|វាយប្រហារ|杀害|被杀|死亡|失踪|绑架|酷刑|遇害|失蹤|قتل|اغتيال|اختفاء|اختطاف|تعذيب)/gu, level: 'critical' },
  { re: /(จับกุม|ควบคุมตัว|จำคุก|คุมขัง|ตั้งข้อหา|ចាប់ខ្លួន|ឃុំខ្លួន|ឃុំឃាំង|ចោទប្រកាន់|កាត់ទោស|ពន្ធនាគារ|逮捕|拘留|被捕|判刑|起诉|羁押|关押|اعتقال|اعتقل|احتجاز|سجن|الحكم)/gu, level: 'high' },
  { re: /(ข่มขู่|คุกคาม|เฝ้าติดตาม|គំរាមកំហែង|បៀតបៀន|តាមដាន|កោះហៅ|威胁|骚扰|监视|传唤|تهديد|مضايقة|استدعاء)/gu, level: 'elevated' },
  { re: /(ปล่อยตัว|ได้รับการประกันตัว|ដោះលែង|释放|获释|无罪|الإفراج|افراج|الافراج|براءة)/gu, level: 'good-news' },
];

const NEGATION = /\b(not|never|no|n't|without|neither|nor|deny|denies|denied that|false|rumou?rs? (?:of|that)|dismissed reports?)\s*$/;
const MODAL =
  /(?:\bto\s+$)|\b(must|should|could|would|may|might|(?:campaign|appeal|push|lobb|fight|press|plea|petition)\w* for|calls? for|called for|calling for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|risk(?:s)? of|at risk|threat(?:s|ened|ens)? (?:to|with|of)|under threat of|fears?|feared|if|unless|warrants? for|seeking|sought|plan(?:s|ned)? to|trying to|tried to|order(?:ed)? to|wanted for|possible|potential|faced? with|attempted|threaten(?:ed|s)? to)\s+(?:\S+\s+){0,2}$/;
const ACCUSED = /\b(accus\S*|charg\S*|convict\S*|suspicion|suspected|alleged\S*|plotting|planning|guilty|for the|of the|complaint)\s+(?:\S+\s+){0,4}$/;
const EARLIER = /\b(after|following|since|previously|formerly|earlier|once|had been|prior)\s+(?:\S+\s+){0,2}$/;
const LATER = /\b(later|subsequently|eventually|finally|now|again|ultimately|before(?: being)?|but)\s+(?:\S+\s+){0,2}$/;

const RANK: Record<Level, number> = { critical: 4, 'good-news': 3, high: 2, elevated: 1 };

function collect(lower: string, re: RegExp, level: Level, out: Cue[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const before = lower.slice(Math.max(0, m.index - 60), m.index);
    if (NEGATION.test(before)) continue;
    let lv: Level = level;
    const word = m[1] ?? m[0];
    if (lv === 'critical' && ACCUSED.test(before)) lv = 'high';
    if ((lv === 'critical' || lv === 'high') && MODAL.test(before)) lv = 'elevated';
    const scheduled = /^(?:due|set|expected|scheduled|decision|decided|ruled|voted|agreed|ordered)\b/.test(m[0]);
    if (lv === 'good-news' && !scheduled && MODAL.test(before) && !/\b(?:was|were|been|being|is|are|has|have|had)\s+\S*\s*(?:released|freed)$/.test(lower.slice(Math.max(0, m.index - 40), m.index + m[0].length))) continue;
    let time = 0;
    if (EARLIER.test(before)) time = -1;
    else if (LATER.test(before) || /\bre-?(?:arrested|detained)/.test(word)) time = 1;
    out.push({ level: lv, at: m.index, time, word });
  }
}

/** Every cue in one sentence (lower-cased text), with its position. */
export function sentenceCues(sentence: string): Cue[] {
  const lower = sentence.toLowerCase().replace(/[“”"«»„]/g, '').replace(/[’‘`´]/g, "'").replace(/'s\b/g, ' s').replace(/\s+/g, ' ');
  const out: Cue[] = [];
  collect(lower, CRITICAL, 'critical', out);
  collect(lower, HIGH, 'high', out);
  collect(lower, ELEVATED, 'elevated', out);
  collect(lower, GOOD, 'good-news', out);
  for (const { re, level } of NATIVE_CUES) collect(lower, re, level, out);
  // the same words found by two lists (e.g. "detained" inside a release phrase): keep every cue, ordering decides
  return out;
}

/** The level of one window of cues: the latest event wins; among equals, the gravest. */
export function levelOf(cues: readonly Cue[]): { level: Urgency; cue: string | null } {
  if (cues.length === 0) return { level: 'info', cue: null };
  let maxTime = -Infinity;
  for (const c of cues) if (c.time > maxTime) maxTime = c.time;
  // a killing is never outweighed by anything else in the window
  let best: Cue | null = cues.find((c) => c.level === 'critical') ?? null;
  if (!best) {
    for (const c of cues) {
      if (c.time !== maxTime) continue;
      if (!best || RANK[c.level] > RANK[best.level]) best = c;
    }
  }
  return best ? { level: best.level, cue: best.word } : { level: 'info', cue: null };
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 5, 'good-news': 4, high: 3, elevated: 2, info: 1 };

/** Combine the levels of several mentions of one person in one item. */
export function combineLevels(levels: readonly Urgency[]): Urgency {
  let best: Urgency = 'info';
  for (const l of levels) if (URGENCY_RANK[l] > URGENCY_RANK[best]) best = l;
  return best;
}

export type { Cue };
