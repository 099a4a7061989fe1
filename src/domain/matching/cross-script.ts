/**
 * Names written in Cyrillic in the text, watched under a Latin spelling only ("Навального" for
 * "Alexei Navalny"). Both sides are reduced to one rough Latin skeleton: transliterated, spelling
 * conventions folded (x = ks, kh = h, y = i, doubled letters), final vowels and Russian case
 * endings dropped. Only exact skeletons meet, so the check stays a hash lookup.
 */

const CYR_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', y: 'y',
};

/** The skeleton of a lower-case Latin word. */
export function latinSkeleton(w: string): string {
  let s = w
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/tz/g, 'ts')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
  while (s.length > 3 && /[aeiou]$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** A name written in Cyrillic, in Latin letters ("Мария Колесникова" → "mariya kolesnikova"); null if not Cyrillic. */
export function transliterateCyrillic(name: string): string | null {
  if (!/\p{Script=Cyrillic}/u.test(name) || /[\p{Script=Latin}]/u.test(name)) return null;
  // the spellings news in English uses: Мария = Maria, Юрий = Yuri
  const s = name.toLowerCase().replace(/ия/g, 'иа').replace(/[иы]й(?=$|[\s-])/g, 'y');
  let out = '';
  for (const ch of s) out += CYR_LATIN[ch] ?? ch;
  return out;
}

/** The skeleton of a (stemmed, lower-case) Cyrillic word, or '' when it holds other letters. */
export function cyrillicSkeleton(stem: string): string {
  let out = '';
  for (const ch of stem) {
    const l = CYR_LATIN[ch];
    if (l === undefined) return '';
    out += l;
  }
  return latinSkeleton(out);
}

/** Is this key a Latin name part worth a cross-script entry (letters only, four or more)? */
export function crossScriptEligible(key: string): boolean {
  return key.length >= 4 && /^[a-z]+$/.test(key);
}

/*
 * Arabic script (Arabic, Persian, Urdu) writes consonants and long vowels only, so both sides meet on a
 * consonant skeleton: letters that Latin spellings confuse share one class (d/z/th/dh, g/j/gh, s/ṣ,
 * t/ṭ, k/q), vowels and the letters that also write them (alif, waw, ya) drop out, and so does the
 * article al-.
 */
const ARABIC_CLASS: Record<string, string> = {
  ب: 'b', پ: 'b', ت: 't', ط: 't', ث: 'd', ذ: 'd', ز: 'd', ض: 'd', ظ: 'd', د: 'd', ژ: 'd', ج: 'g', غ: 'g', گ: 'g',
  ح: 'h', ه: 'h', ۀ: 'h', خ: 'x', ر: 'r', س: 's', ص: 's', ش: '$', ف: 'f', ق: 'k', ك: 'k', ک: 'k', ل: 'l', م: 'm',
  ن: 'n', چ: 'c', ع: '', ء: '', أ: '', إ: '', آ: '', ا: '', ى: '', ي: '', ی: '', ئ: '', ؤ: '', و: '', ة: '',
};
const LATIN_DIGRAPH: [RegExp, string][] = [
  [/sh/g, '$'],
  [/kh/g, 'x'],
  [/gh/g, 'g'],
  [/th|dh/g, 'd'],
  [/ch/g, 'c'],
  [/ph/g, 'f'],
];
const LATIN_CLASS: Record<string, string> = {
  b: 'b', p: 'b', t: 't', d: 'd', z: 'd', g: 'g', j: 'g', h: 'h', x: 'x', r: 'r', s: 's', $: '$', f: 'f', v: 'f',
  k: 'k', q: 'k', c: 'k', l: 'l', m: 'm', n: 'n',
};

/** The consonant skeleton of a lower-case Latin name part. */
export function latinConsonants(w: string): string {
  let s = w;
  for (const [re, to] of LATIN_DIGRAPH) s = s.replace(re, to);
  let out = '';
  for (const ch of s) {
    const c = LATIN_CLASS[ch] ?? '';
    if (c !== '' && c !== out[out.length - 1]) out += c;
  }
  return out;
}

/** The consonant skeleton of a folded Arabic-script word, or '' when it holds other letters. */
export function arabicConsonants(word: string): string {
  let w = word;
  // the article, with "and"/"with" before it: الشهاب, والشهاب, بالشهاب
  const art = /^(?:و|ب|ف)?ال/.exec(w);
  if (art && w.length - art[0].length >= 3) w = w.slice(art[0].length);
  let out = '';
  for (const ch of w) {
    const c = ARABIC_CLASS[ch];
    if (c === undefined) return '';
    if (c !== '' && c !== out[out.length - 1]) out += c;
  }
  return out;
}
