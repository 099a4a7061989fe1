/**
 * Stage 4: one mention per person. The best hit is the evidence; the urgency comes from the cues of
 * every hit's sentence that are about this person (not a relative, not someone quoted, not another
 * person named nearer the cue), and from the next sentence when it goes on about them.
 */
import { ALERT_THRESHOLD, type Mention, type Urgency } from './types.js';
import type { Hit, ItemScan } from './scan.js';
import { sentenceText } from './sentences.js';
import { combineLevels, levelOf, sentenceCues, type Cue } from './urgency.js';

/** How far (in characters) from a mention an urgency cue may be. */
const CUE_REACH = 160;
/**
 * Text between two names that makes them one list: ", ", " and ", ", 32, and ", ", two other citizens, and ",
 * ", editor-in-chief " (a role before the next name);
 * the rest of a name around a nickname may be on either side ('"Penguin" Chiwarak and Panusaya "Rung"').
 */
const LIST_JOIN =
  /^\s*["”’']?\s*(?:["“”‘’']?\p{Lu}[\p{L}'-]*["“”‘’']?\s*){0,3}(?:,\s*[^,.;:]{0,40},)?\s*(?:,|and|&|or|as well as|along with)?\s*(?:his wife|her husband)?\s*,?\s*(?:(?:the\s+)?(?:(?!(?:who|whom|which|that|said|says|told|was|were|is|are|has|had|and|or)\b)[\p{Ll}-]+\s+){1,3})?(?:["“”‘’']?\p{Lu}[\p{L}'-]*["“”‘’']?\s*){0,3}["“‘']?\s*$/u;

/** The rest of a plural subject the mention is in, then its verb: ", B and C were among 16 prisoners ". */
const PLURAL_SUBJECT =
  /^(?:(?!\b(?:said|says|told|reported|announced|stated|wrote|added|when|while|after|because|who|whom|which|that|whose|was|is|has)\b)[^.;:!?])*\band\b(?:(?!\b(?:said|says|told|reported|announced|stated|wrote|added|when|while|after|because|who|whom|which|that|whose|was|is|has)\b)[^.;:!?])*\b(?:were|are|have been|had been)(?: (?:all|both|each|also|later|among|then))*(?: \S+){0,3} ?$/;

const SPEECH = /\b(?:said|says|told|reported|fears?|feared|believes?|believed|added|wrote|confirmed)\b/;
/** "'s lawyer", "'s party": the mention is the possessor of someone or something else. */
const POSSESSED_OTHER =
  /^\s*['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:lawyers?|attorneys?|sons?|daughters?|wife|husband|brothers?|sisters?|father|mother|parents|family|relatives?|nephew|niece|cousin|party|government|supporters|colleagues|aides?|assistant|driver|bodyguards?|staff|office|organi[sz]ation|group|movement|newspaper|website|associates|followers|friends?|co-defendants?|deputy|spokes(?:man|woman|person))\b/u;

/** "the daughter of X said her father ...": the relative named later is X. */
const KIN_OF = /\b(?:son|daughter|wife|husband|mother|father|brother|sister|child|children|family|widow) of\s*$/;

/** The mention completes another noun phrase: "associates of the late X", "the network founded by X". */
const COMPLEMENT =
  /\b(?:(?:associates|allies|supporters|members|relatives|family|families|colleagues|followers|staff|friends|lawyers?|children) of|(?:founded|co-founded|led|headed|run|created|established) by)\s+(?:the\s+)?(?:late\s+)?(?:\S+\s+){0,3}$/;

/** "said the", "told reporters that the": a reported statement whose subject is not the speaker. */
const SPEECH_THEN_OTHER = /\b(?:said|says|told \S+|wrote|added|stated|argued|warned)\s+(?:that\s+)?(?:the|a|an|this|these|those|it)\b/;

/** `all` are the hits kept (alert or review), in the item's order of stages. */
export function toMentions(scan: ItemScan, itemId: string, all: Hit[]): Mention[] {
  const byPerson = new Map<number, Hit[]>();
  for (const h of all) {
    const l = byPerson.get(h.person);
    if (l) l.push(h);
    else byPerson.set(h.person, [h]);
  }
  const { idx, text, textStart } = scan;
  const starts = scan.sentenceStarts;
  const sentHits = new Map<number, Hit[]>();
  for (const h of all) {
    const si = scan.sentenceAt(h.s);
    const l = sentHits.get(si);
    if (l) l.push(h);
    else sentHits.set(si, [h]);
  }
  const cueCache = new Map<number, Cue[]>();
  const cuesOf = (si: number): Cue[] => {
    let c = cueCache.get(si);
    if (!c) {
      c = sentenceCues(scan.sentence(si));
      cueCache.set(si, c);
    }
    return c;
  };

  const mentions: Mention[] = [];
  for (const [person, hs] of byPerson) {
    hs.sort((a, b) => b.score - a.score || a.s - b.s);
    const best = hs[0]!;
    const levels: Urgency[] = [];
    const times: number[] = [];
    const cueWords: string[] = [];
    for (const h of hs) {
      if (h.score < ALERT_THRESHOLD && best.score >= ALERT_THRESHOLD) continue;
      const { level, cue, time } = hitUrgency(scan, person, h, sentHits, cuesOf);
      levels.push(level);
      times.push(time);
      if (cue) cueWords.push(cue);
    }
    const urgency = combineLevels(levels, times);
    const si = scan.sentenceAt(best.s);
    const inTitle = best.s < textStart;
    const reasons = [...best.reasons];
    const ctx = scan.ctxAt(person, best.s);
    if (ctx && !reasons.some((r) => r.includes('context'))) reasons.push(`context word "${ctx}"`);
    if (hs.length > 1) reasons.push(`${hs.length} mentions in the item`);
    if (urgency !== 'info' && cueWords.length) reasons.push(`urgency from "${[...new Set(cueWords)].slice(0, 3).join('", "')}"`);
    mentions.push({
      itemId,
      personId: idx.persons[person]!.id,
      score: Math.round(best.score * 1000) / 1000,
      urgency,
      evidence: sentenceText(text, starts, si),
      reasons,
      field: inTitle ? 'title' : 'text',
      start: inTitle ? best.s : best.s - textStart,
      end: inTitle ? best.e : best.e - textStart,
    });
  }
  mentions.sort((a, b) => b.score - a.score || (a.field === b.field ? (a.start ?? 0) - (b.start ?? 0) : a.field === 'title' ? -1 : 1));
  return mentions;
}

/** The urgency of one hit: the cues of its sentence that are about this person. */
function hitUrgency(scan: ItemScan, person: number, h: Hit, sentHits: Map<number, Hit[]>, cuesOf: (si: number) => Cue[]): ReturnType<typeof levelOf> {
  const { text } = scan;
  const starts = scan.sentenceStarts;
  const si = scan.sentenceAt(h.s);
  const sStart = starts[si]!;
  const others = (sentHits.get(si) ?? []).filter((o) => o.person !== person);
  let cues = cuesOf(si);
  const hs0 = h.s - sStart;
  const he0 = h.e - sStart;
  const raw = scan.sentence(si);
  const rs0 = cueOffset(raw, hs0);
  const re0 = cueOffset(raw, he0);
  // a cue about someone else: a relative or others named before it ("his father ... died") unless
  // this mention is that subject; a quotation the person is not in (someone speaking about others)
  cues = cues.filter((c) => {
    if (c.other >= 0) {
      const lead = cueGap(raw, Math.max(0, rs0 - 40), rs0);
      if (!(rs0 >= c.other && re0 <= c.at) && !KIN_OF.test(lead)) return false;
      // "members of the network founded by X were jailed", "associates of the late X were freed"
      if (rs0 >= c.other && re0 <= c.at && COMPLEMENT.test(lead)) return false;
    }
    if (c.after && rs0 < c.at) return false;
    // "X's lawyer was arrested": about the one X's noun names
    // (but "X's wife said he was tortured" is about X)
    if (c.at >= re0 && POSSESSED_OTHER.test(cueGap(raw, re0, c.at)) && !SPEECH.test(cueGap(raw, re0, c.at))) return false;
    if (c.quote && !(rs0 >= c.quote[0] && re0 <= c.quote[1])) return false;
    // "X said the abduction showed ...": reported speech about something else
    if (c.at >= re0 && SPEECH_THEN_OTHER.test(cueGap(raw, re0, c.at))) return false;
    return true;
  });
  // a cue governing a list ("released 123 prisoners, including A and B") reaches every name in it
  const listed = cues.filter(
    (c) =>
      (c.list >= 0 && rs0 >= c.list && !COMPLEMENT.test(cueGap(raw, Math.max(0, rs0 - 40), rs0)) && !POSSESSED_OTHER.test(cueGap(raw, re0, re0 + 40))) ||
      // "A, a reporter, B and C were among 16 prisoners freed": the verb of a plural subject
      (c.at >= re0 && c.list < 0 && PLURAL_SUBJECT.test(cueGap(raw, re0, c.at))),
  );
  // a cue belongs to a mention near it (same clause-sized stretch) ...
  cues = cues.filter((c) => (c.at >= re0 ? c.at - re0 : rs0 - c.at) <= CUE_REACH && !(c.list >= 0 && rs0 >= c.list));
  if (others.length > 0) {
    // ... and to the nearest named person, unless they are listed together ("A and B were detained")
    cues = cues.filter((c) => {
      const mine = c.at >= he0 ? c.at - he0 : hs0 - c.at;
      return others.every((o) => {
        const os = o.s - sStart;
        const oe = o.e - sStart;
        const theirs = c.at >= oe ? c.at - oe : os - c.at;
        if (theirs >= mine) return true;
        const between = o.s >= h.e ? text.slice(h.e, o.s) : text.slice(o.e, h.s);
        return LIST_JOIN.test(between);
      });
    });
  }
  for (const c of listed) if (!cues.includes(c)) cues.push(c);
  let { level, cue, time } = levelOf(cues);
  // "She was later released." — the next sentence, when it continues about the same person
  if (si + 1 < starts.length) {
    const nextRaw = scan.sentence(si + 1);
    // ("They" after a sentence naming one watched person is about a group, not about them)
    const pronoun = others.length === 0 ? /^\s*["“]?(?:he|she|his|her)\b/i : /^\s*["“]?(?:they|their)\b/i;
    if (pronoun.test(nextRaw) && !sentHits.has(si + 1)) {
      const more = levelOf([...cues, ...cuesOf(si + 1).filter((c) => c.other < 0 && !c.quote)]);
      if (more.level !== 'info') ({ level, cue, time } = more);
    }
  }
  if (h.s < scan.textStart && level === 'info') {
    // a name in the headline: the body's first sentence tells what happened
    const lead = scan.sentenceAt(scan.textStart);
    const more = levelOf(cuesOf(lead).filter((c) => c.other < 0 && !c.quote));
    if (more.level !== 'info') ({ level, cue, time } = more);
  }
  return { level, cue, time };
}

/**
 * Cue positions are in the sentence with quote marks removed and whitespace collapsed (sentenceCues);
 * map an offset in the raw sentence to that text.
 */
function cueOffset(raw: string, off: number): number {
  let out = 0;
  let prevSpace = false;
  for (let i = 0; i < off && i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '“' || ch === '”' || ch === '"' || ch === '«' || ch === '»' || ch === '„') continue;
    const sp = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
    if (sp && prevSpace) continue;
    prevSpace = sp;
    out++;
  }
  return out;
}

function cueGap(raw: string, a: number, b: number): string {
  // the text between mention and cue, in cue coordinates (close enough for a word test)
  return raw.replace(/[“”"«»„]/g, '').replace(/\s+/g, ' ').slice(a, b).toLowerCase();
}
