/**
 * Names written in Cyrillic in the text, watched under a Latin spelling only ("Навального" for
 * "Alexei Navalny"). Both sides are reduced to one rough Latin skeleton: transliterated, spelling
 * conventions folded (x = ks, kh = h, y = i, doubled letters), final vowels and Russian case
 * endings dropped. Only exact skeletons meet, so the check stays a hash lookup.
 */

const CYR_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
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
