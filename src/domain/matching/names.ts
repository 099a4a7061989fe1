/**
 * Reading a watched person's name and aliases into the token sequences the index looks for.
 */
import { COMMON_WORDS, HONORIFICS, HYPHEN_PARTICLES, NAME_VARIANT_KEY, NATIVE_HONORIFICS, PARTICLES, PLACE_START_WORDS } from './lexicon.js';
import { GAP_HYPHEN, compactFold, foldString, hasNoSpaceChars, tokenise, type Token } from './normalise.js';
import { transliterateCyrillic } from './cross-script.js';

/** Connectors written in lower case inside names; never required to be capitalised, never a partial. */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'bin', 'ibn', 'bint', 'binti', 'bte', 'ben', 'ould', 'van', 'von', 'de', 'da', 'di', 'du', 'del', 'y',
  // Central Asian patronymic particles, written in lower case: "Makhabat Tazhibek kyzy", "Bolot Temirov uulu"
  'kyzy', 'kizi', 'qizi', 'gizi', 'uulu', 'ulu', 'oglu', 'ogly', 'ugli',
]);

const CYR_SUFFIXES = ['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ым', 'им', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ых', 'их'];
const CYR_VOWELS = 'аеиоуыэюяь';

/**
 * Tamil case endings after a name ending in a vowel (செல்வராணியை, செல்வராணிக்கு, செல்வராணியின்): removed
 * so that the declined name meets its nominative.
 */
const TAMIL_ENDINGS = ['யுடன்', 'வுடன்', 'யிடம்', 'விடம்', 'க்கும்', 'க்கு', 'யின்', 'வின்', 'யால்', 'வால்', 'யும்', 'வும்', 'யை', 'வை'];
function tamilStem(t: string): string {
  for (const e of TAMIL_ENDINGS) if (t.length - e.length >= 3 && t.endsWith(e)) return t.slice(0, -e.length);
  return t;
}

/** Russian case endings removed so that Навальный, Навального, Навальным share one key. */
function cyrillicStem(t: string): string {
  let s = t;
  for (const suf of CYR_SUFFIXES) {
    if (s.length - suf.length >= 3 && s.endsWith(suf)) {
      s = s.slice(0, -suf.length);
      break;
    }
  }
  while (s.length > 3 && CYR_VOWELS.includes(s[s.length - 1]!)) s = s.slice(0, -1);
  return s.length >= 3 ? s : t;
}

const ABD_PREFIX = /^abd(?:el|ul|al|ol|oul)([a-z]{4,})$/;

/** The key a folded token is indexed and looked up under. */
export function tokenKey(t: string): string {
  const v = NAME_VARIANT_KEY.get(t);
  if (v !== undefined) return v;
  const c = t.charCodeAt(0);
  if (c >= 0x0400 && c <= 0x04ff) return cyrillicStem(t);
  if (c >= 0x0b80 && c <= 0x0bff) return tamilStem(t);
  // Arabic compound names written as one word: "Abdelfattah" = "Abdul Fattah" joined; one key for
  // every spelling of the "Abd-el" prefix so that it meets the joined watched form
  if (c === 0x61 && t.startsWith('abd')) {
    const m = ABD_PREFIX.exec(t);
    if (m) return `abdul${m[1]!}`;
  }
  return t;
}


/** Is token i of `toks` a name particle that may be absent (al-, el-, de, van ...)? */
export function isParticleAt(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!.t;
  if (PARTICLES.has(t)) return true;
  if (HYPHEN_PARTICLES.has(t)) {
    const nx = toks[i + 1];
    return nx !== undefined && nx.gap === GAP_HYPHEN;
  }
  return false;
}

/** Number of honorific tokens ending at position i (0 if none): handles "H.E.", "Lok Chumteav". */
export function honorificBefore(toks: readonly Token[], i: number): number {
  if (i < 0) return 0;
  const t1 = toks[i]!.t;
  if (i >= 1) {
    const two = `${toks[i - 1]!.t} ${t1}`;
    if (HONORIFICS.has(two)) return 2;
  }
  return HONORIFICS.has(t1) ? 1 : 0;
}

export interface NameForm {
  /** token keys, particles removed */
  keys: string[];
  /** which keys were hyphen-joined to the previous one in the written name */
  hyphenAfter: boolean[];
}

/** Parse one written name (Latin, Cyrillic, Arabic ...) into keys; honorifics dropped. */
export function parseName(raw: string): NameForm | null {
  const toks = tokenise(raw).tokens;
  let i = 0;
  // leading honorifics are cues, not names
  // a title that leaves a single word ("Ko Jimmy", "Daw Suu") stays: that name is the title and the
  // word together, and the bare word is some other person's given name
  for (;;) {
    if (i + 1 < toks.length && HONORIFICS.has(`${toks[i]!.t} ${toks[i + 1]!.t}`) && toks.length - i > 3) i += 2;
    else if (i < toks.length && HONORIFICS.has(toks[i]!.t) && toks.length - i > 2) i += 1;
    else break;
  }
  const keys: string[] = [];
  const hyphenAfter: boolean[] = [];
  for (; i < toks.length; i++) {
    if (isParticleAt(toks, i) && toks.length > 1) continue;
    keys.push(tokenKey(toks[i]!.t));
    hyphenAfter.push(toks[i + 1]?.gap === GAP_HYPHEN);
  }
  return keys.length ? { keys, hyphenAfter } : null;
}

/** A native-script alias, folded and compacted, honorifics removed; null if it has none of those characters. */
export function parseNativeAlias(raw: string): string | null {
  if (!hasNoSpaceChars(raw)) return null;
  let s = raw.trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const h of NATIVE_HONORIFICS) {
      if (s.startsWith(h) && s.length > h.length + 1) {
        s = s.slice(h.length).trim();
        changed = true;
      }
    }
  }
  const c = compactFold(s);
  return c.length >= 2 ? c : null;
}

/** Kind of a shortened form that alerts only with the full name or a context word in the item. */
export const SHORT_LEFT_OUT = 'shortened name, part left out';
/** Two given names written as one word; such a variant does not weigh in choosing other variants' anchors. */
export const JOINED_GIVEN_NAMES = 'joined given names';
/** The same, the first part left out: it alerts also with a title before it. */
export const SHORT_FIRST_LEFT_OUT = 'shortened name, first part left out';
const COMMON_GIVEN: ReadonlySet<string> = new Set(NAME_VARIANT_KEY.values());

export interface Variant {
  keys: string[];
  score: number;
  kind: string;
}

/** Every written form the person may appear under, with the score an exact match earns. */
export function nameVariants(name: string, aliases: readonly string[]): { variants: Variant[]; native: { text: string; score: number }[] } {
  const variants: Variant[] = [];
  const native: { text: string; score: number }[] = [];
  const seen = new Map<string, number>();
  const add = (keys: string[], score: number, kind: string) => {
    if (keys.length === 0) return;
    const k = keys.join(' ');
    const prev = seen.get(k);
    if (prev !== undefined) {
      if (variants[prev]!.score < score) variants[prev] = { keys, score, kind };
      return;
    }
    seen.set(k, variants.length);
    variants.push({ keys, score, kind });
  };
  const forms: { raw: string; primary: boolean }[] = [{ raw: name, primary: true }, ...withTransliterations(aliases).map((a) => ({ raw: a, primary: false }))];
  for (const { raw, primary } of forms) {
    const nat = parseNativeAlias(raw);
    if (nat !== null) {
      native.push({ text: nat, score: nat.length >= 3 ? 0.95 : 0.85 });
      if (!/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Hebrew}\p{Script=Georgian}\p{Script=Armenian}]/u.test(raw)) continue;
    }
    const f = parseName(raw);
    if (!f) continue;
    const k = f.keys;
    const base = primary ? 1 : 0.98;
    if (k.length === 1) {
      add(k, primary ? 0.9 : 0.88, 'single-part name');
      continue;
    }
    add(k, base, primary ? 'full name' : 'alias');
    // hyphenated parts written as one word: Jin-ping = Jinping
    if (f.hyphenAfter.some((h, i) => h && i < k.length - 1)) {
      const joined: string[] = [];
      for (let i = 0; i < k.length; i++) {
        if (i > 0 && f.hyphenAfter[i - 1]) joined[joined.length - 1] += k[i]!;
        else joined.push(k[i]!);
      }
      add(joined.map(tokenKey), base, 'joined name parts');
    }
    // two given names written as one ("Frenchie Mae" → "Frenchiemae")
    if (k.length >= 3 && k.length <= 4) {
      for (let i = 0; i + 1 < k.length - 1; i++) {
        if (f.hyphenAfter[i] || k[i]!.length < 3 || k[i + 1]!.length < 3) continue;
        add([...k.slice(0, i), tokenKey(k[i]! + k[i + 1]!), ...k.slice(i + 2)], 0.95, JOINED_GIVEN_NAMES);
      }
    }
    // "Abd El-Fattah" is also written "Abdelfattah": the Abd- prefix joined to the next part
    const abd = k.indexOf('abdul');
    if (abd >= 0 && abd < k.length - 1 && k[abd + 1]!.length >= 4) {
      add([...k.slice(0, abd), tokenKey(`abdul${k[abd + 1]!}`), ...k.slice(abd + 2)], base, 'joined name parts');
    }
    if (k.length === 2) {
      add([k[1]!, k[0]!], 0.92, 'name order reversed');
    } else {
      add([k[k.length - 1]!, ...k.slice(0, -1)], 0.9, 'name order rotated');
      add([...k.slice(1), k[0]!], 0.9, 'name order rotated');
      // A form that leaves out an inner part of a name of three or more words ("Imran Khan" for "Imran
      // Riaz Khan"), keeps only very common given names ("Mohamed Ibrahim" for "Mohamed Ibrahim Radwan")
      // or starts with a common word ("San Miguel" for "Rocío San Miguel", also a place) is as likely
      // someone or something else: it alerts only with the full name or a context word (match.ts).
      // Parts joined by a hyphen are one word here ("Lee Min" for "Lee Min-jun" is not such a form).
      let words = k.length;
      for (let i = 0; i < k.length - 1; i++) if (f.hyphenAfter[i]) words--;
      const long = words >= 3;
      add(k.slice(0, -1), 0.85, long && k.slice(0, -1).every((x) => COMMON_GIVEN.has(x)) ? SHORT_LEFT_OUT : 'shortened name');
      // "Abd El-Fattah" for "Alaa Abd El-Fattah" is a given name of its own (Abdel Fattah el-Sisi)
      const startsCommon = COMMON_WORDS.has(k[1]!) || PARTICLES.has(k[1]!) || PLACE_START_WORDS.has(k[1]!) || isAbd(k[1]!);
      // ("José Daniel Ferrer" → "Daniel Ferrer", someone else's whole name; but "Ms García Márquez": a
      // title before the surnames makes it a reference to the person, match.ts)
      add(k.slice(1), 0.85, long ? (startsCommon ? SHORT_LEFT_OUT : SHORT_FIRST_LEFT_OUT) : 'shortened name');
      add([k[0]!, k[k.length - 1]!], 0.85, long ? SHORT_LEFT_OUT : 'shortened name');
      if (k.length >= 4) {
        // Spanish double surnames: the two surnames, or the first given name with the first surname
        add(k.slice(-2), 0.85, 'shortened name');
        add([k[0]!, k[k.length - 2]!], 0.85, 'shortened name');
      }
    }
  }
  return { variants, native };
}

/** "Abd", "Abdel", "عبد": the first half of a compound given name ("servant of ..."). */
let arabicAbd: string | undefined;
function isAbd(key: string): boolean {
  // folded on first use: normalise.ts is still loading when this module is evaluated
  arabicAbd ??= tokenKey(foldString('عبد'));
  return key === 'abdul' || key === arabicAbd;
}

/** The aliases, and each Cyrillic one also in Latin letters: "Мария Колесникова" is written "Mariya Kolesnikova" too. */
function withTransliterations(aliases: readonly string[]): string[] {
  const out = [...aliases];
  for (const a of aliases) {
    const t = transliterateCyrillic(a);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Name parts usable as a partial reference: 3+ letters, no particles or connectors. */
export function nameParts(name: string, aliases: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const raw of [name, ...withTransliterations(aliases)]) {
    if (parseNativeAlias(raw) !== null) continue;
    const f = parseName(raw);
    if (!f || f.keys.length < 2) continue;
    // a title-bound name ("Ko Jimmy") lends no bare part: "Jimmy" alone is anybody
    if (HONORIFICS.has(f.keys[0]!) && f.keys.length === 2) continue;
    for (const k of f.keys) if (k.length >= 3 && !CONNECTORS.has(k) && !HONORIFICS.has(k)) parts.add(k);
  }
  return [...parts];
}

/** A context phrase as keys. */
export function contextKeys(raw: string): string[] {
  return foldString(raw)
    .split(' ')
    .filter((x) => x !== '')
    .map(tokenKey);
}
