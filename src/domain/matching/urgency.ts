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
  /** -1 background (earlier, dated in the past), 0 the news, 1 later */
  time: number;
  word: string;
  /**
   * where a list governed by this cue starts ("executed four prisoners, including A and B"): every name
   * after it in the sentence shares the cue, however far; -1 if none
   */
  list: number;
  /** start of "his father" / "members of ..." before the cue: the cue is about that other person; -1 if none */
  other: number;
  /** the cue only reaches names after it ("Egypt released X": not the releaser) */
  after: boolean;
  /** the quotation the cue is in, unless it is in the first person singular (someone speaking about others); null if none */
  quote: [number, number] | null;
}

const CRITICAL =
  /(?<![\p{L}])(killed|killing|murder(?:ed)?|assassinat(?:ed|ion)|shot dead|executed|execution|hanged|beaten to death|died|death in (?:custody|detention|prison)|found dead|disappeared|disappearance|forcibly disappeared|missing|whereabouts (?:\S+ ){0,5}?unknown|(?:has|have|had) not been (?:seen|heard from)|held incommunicado|incommunicado detention|kicked(?! out| off| back)|kicking|choked|strangled|thr(?:ew|own) (?:him|her|them) (?:to|on) the (?:ground|floor)|abduct(?:ed|ion)|kidnap(?:ped|ping)|tortured?|torturing|attack(?:ed)?|assault(?:ed)?|stabbed|beaten|beat|beating|shot|injured|wounded|poisoned|hospitali[sz]ed|lynched|under siege|bị giết|sát hại|mất tích|bắt cóc|tra tấn|bị đánh|desaparecid[oa]s?|secuestrad[oa]s?|golpead[oa]s?|torturad[oa]s?|asesinad[oa]s?|tu[é]e?s?|assassin[é]e?s?|enlev[é]e?s?|disparue?s?|tortur[eé]e?s?|убит[а-я]*|убил[а-я]*|избил[а-я]*|похищ[а-я]*|пропал[а-я]*|пытк[а-я]*|избит[а-я]*|öldürül\p{L}*|kaçırıl\p{L}*|işkence\p{L}*|mort[oa]s?|sequestrad[oa]s?|desaparecid[oa]s?|herid[oa]s?|ferid[oa]s?|atacad[oa]s?|balead[oa]s?|bless[ée]e?s?|attaqu[ée]e?s?)(?![\p{L}])/gu;
const HIGH =
  /(?<![\p{L}])(arrest(?:ed|s)?|detain(?:ed|s)?|d[eé]tention|(?:in|into|under) (?:police )?custody|jail(?:ed)?|imprison(?:ed|ment)?|prisoner|prison sentence|(?:in|from|to) (?:\S+ ){0,2}?(?:prison|jail)|behind bars|deport(?:ed|ation)|forcibly (?:returned|repatriated)|extradit(?:ed|ion)|refoul(?:ed|ement)|charged|charges|indict(?:ed|ment)|prosecut(?:ed|ion)|convict(?:ed|ion)|sentenced|sentencing|sentence|passports? (?:\S+ ){0,6}?(?:revoked|cancell?ed|confiscated|null and void|seized|invalidated)|revoked (?:\S+ ){0,4}?passports?|house arrest|remanded|treason|found guilty|serving (?:(?:a|an|his|her|their)\s+)?(?:\S+\s+){0,2}?(?:sentences?|terms?|life)|(?:finds?|found) (?:(?!not\s)\S+\s+){1,6}?guilty|handed over to (?:\S+ ){0,3}?(?:police|authorities|security forces)|bắt giữ|bị bắt|tạm giam|truy tố|kết án|bị giam|thụ án|năm tù|án tù|giam giữ|trại giam|ngồi tù|detenid[oa]s?|detuvieron|detenci[oó]n|arrestad[oa]s?|encarcelad[oa]s?|encarcel[aeo]\w*|condenad[oa]s?|condena|sentenciad[oa]s?|prisi[oó]n|c[aá]rcel|imputad[oa]s?|arr[eê]t[eé]e?s?|interpell[eé]e?s?|d[eé]tenue?s?|emprisonn[eé]e?s?|condamn[eé]e?s?|condamnation|incarc[eé]r[eé]e?s?|en prison|inculp[eé]e?s?|detid[oa]s?|арест[а-я]*|задерж[а-я]*|заключени[а-я]*|осужд[а-я]*|приговор[а-я]*|обвин[а-я]*|отбыва[а-я]*|лишени[ея] свободы|колони[ия]|сизо|tutuklan\p{L}*|tutuklu\p{L}*|gözaltına alın\p{L}*|gözaltında|hapis cezası\p{L}*|cezaevinde|tutul(?:uyor|maya|du|an)\p{L}*|hüküm giy\p{L}*|presos?|prisão)(?![\p{L}])/gu;
const ELEVATED =
  /(?<![\p{L}])(threat(?:s|en|ened|ening)?|harass(?:ed|ment|ing)?|intimidat(?:ed|ion|ing)|surveil(?:led|lance)|monitored|spied|summon(?:ed|s)?|order(?:ed|ing|s)? (?:him|her|them) to (?:appear|report)|questioned|interrogat(?:ed|ion)|(?:denied|refused) entry|surrounded (?:his|her|their) (?:home|house|office)|triệu tập|đe dọa|sách nhiễu|amenazad[oa]s?|amenazas|hostigad[oa]s?|acosad[oa]s?|citad[oa]s?|menac[eé]e?s?|convoqu[eé]e?s?|harcel[eé]e?s?|denied (?:checking|boarding)|barred|travel ban(?! (?:\S+ ){0,2}?(?:expired|lifted|ended))|banned from|warrants?|labell?ed (?:as )?traitors?|raid(?:ed)?|under investigation|sued|lawsuit|defamation|fled|in hiding|at (?:serious )?risk|targeted(?! (?:sanctions|measures|ads|advertising))|persecut(?:ed|ion)|blacklisted|угроз[а-я]*|преследова[а-я]*|tehdit\p{L}*|ifadeye çağrıl\p{L}*|ameaçad[oa]s?|ameaças?|intimad[oa]s?)(?![\p{L}])/gu;
const GOOD =
  /(?<![\p{L}])((?:was|were|been|being|is|are|be|get|got|gets|later|finally|eventually|now|recently|newly|provisionally|conditionally|unconditionally|has|have|had)\s+(?:(?!not\b|never\b)\S+\s+)?(?:released|freed)|released (?:from|on bail|after|without|today|yesterday|her|him|them)|(?:release|freeing) of|(?:his|her|their|s|provisional|conditional|early) release|(?:due|set|expected|scheduled) to be (?:released|freed)|(?:decision|decided|ruled|voted|agreed|ordered) to (?:acquit|release|free|drop)|(?:among )?those (?:released|freed)|set free|walked free|walks free|freed(?= (?:after|on|from|following|today|yesterday|in|by|early|last)\b)|return(?:ed|s)? (?:safely )?(?:home|to (?:his|her|their) famil(?:y|ies))|(?:safely|was|were|been) (?:safely )?recovered|acquit(?:ted|tal)|(?:charges?|case|conviction|sentence|verdict)s? (?:\S+ ){0,5}?(?:dropped|dismissed|quashed|overturned|withdrawn)|(?:dropped|dismissed|quashed|overturned|withdrew) (?:the |all |his |her )?(?:charges?|case|conviction)|pardon(?:ed)?|found (?:alive|safe)|returned (?:home )?safely|reunited|lifted (?:the |his |her )?(?:travel )?ban|(?:travel )?ban (?:\S+ ){0,2}?(?:expired|was lifted|ended)|allowed to leave|(?:finds?|found) (?:\S+\s+){0,6}?not guilty|phóng thích|trả tự do|được thả|excarcelad[oa]s?|excarcel[aeo]\w*|liberad[oa]s?|liberaci[oó]n|puest[oa]s? en libertad|absuelt[oa]s?|lib[eé]r[é]e?s?|rel[aâ]ch[eé]e?s?|libertad[oa]s?|освобожд[а-я]*|освобод[а-я]*|оправдан[а-я]*|tahliye edil\p{L}*|serbest bırakıl\p{L}*|beraat\p{L}*|solt[oa]s?|absolvid[oa]s?)(?![\p{L}])/gu;

/** Scripts without word spaces: substring cues. */
const NATIVE_CUES: { re: RegExp; level: Level }[] = [
  { re: /(کشته|شکنجه|ربوده|殺害|被殺|綁架|อุ้มหาย|ถูกทำร้าย|ถูกสังหาร|เสียชีวิต|សម្លាប់|ស្លាប់|បាត់ខ្លួន|ចាប់ពង្រត់|ធ្វើទារុណកម្ម|វាយប្រហារ|杀害|被杀|死亡|失踪|绑架|酷刑|遇害|失蹤|قتل|اغتيال|اختفاء|اختطاف|تعذيب)/gu, level: 'critical' },
  { re: /(จับกุม|ควบคุมตัว|จำคุก|คุมขัง|ตั้งข้อหา|ចាប់ខ្លួន|ឃុំខ្លួន|ឃុំឃាំង|ចោទប្រកាន់|កាត់ទោស|ពន្ធនាគារ|逮捕|拘留|被捕|判刑|起诉|起訴|被控|被判|判处|判處|判监|判監|还押|還押|羁押|羈押|关押|關押|اعتقال|اعتقل|احتجاز|احتجز|محتجز|معتقل|مسجون|سجين|سجن|الحكم|بازداشت|زندان|محکوم)/gu, level: 'high' },
  { re: /(ข่มขู่|คุกคาม|เฝ้าติดตาม|គំរាមកំហែង|បៀតបៀន|តាមដាន|កោះហៅ|威胁|威脅|骚扰|騷擾|监视|監視|传唤|傳喚|احضار|تهدید|تهديد|مضايقة|استدعاء)/gu, level: 'elevated' },
  { re: /(ปล่อยตัว|ได้รับการประกันตัว|ให้ประกันตัว|ដោះលែង|释放|釋放|获释|獲釋|无罪|無罪|آزاد شد|آزاد کرد|الإفراج|افراج|الافراج|أفرج|أطلق سراح|إطلاق سراح|براءة)/gu, level: 'good-news' },
];

const UNDONE = /\b(?:revok\w*|rescind\w*|cancell?\w*|withdr[ae]w\w*|overturn\w*|violat\w*|breach\w*|terms of)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:\S+\s+)?$/;
const NEGATION = /\b(not|never|no|n't|without|neither|nor|deny|denies|denied that|false|rumou?rs? (?:of|that)|dismissed reports?|não|chưa|không)\s*$/;
const MODAL =
  /(?:\bto\s+$)|\b(must|should|could|would|may|might|(?:campaign|appeal|push|lobb|fight|press|plea|petition)\w* for|calls? for|called for|calling for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|risk(?:s)? of|at risk|threat(?:s|ened|ens)? (?:to|with|of)|under threat of|fears?|feared|if|unless|warrants? for|seeking|sought|plan(?:s|ned)? to|trying to|tried to|order(?:ed)? to|order(?:ed|ing|s)|wanted for|possible|potential|faced? with|attempted|threaten(?:ed|s)? to|questioning|pending|exig\S*|pid\S*|piden|para|reclam\S*)\s+(?:\S+\s+){0,2}$/;
/** Calls and demands reach further: "called for the immediate and unconditional release of". */
const MODAL_FAR = /\b(?:calls?|called|calling|appeal(?:s|ed|ing)?(?!\w| against| court| judges?| tribunal| chamber| panel| hearing)|urg\w+|demand\w*|press\w*|campaign\w*|kêu gọi|yêu cầu|exig\S*|pid\S*|reclam\S*)\s+(?:for\s+|on\s+)?(?:\S+\s+){0,5}$/;
const ACCUSED = /\b(accus\S*|charg\S*|convict\S*|suspicion|suspected|alleged\S*|plotting|planning|guilty|for the|complaint)\s+(?:\S+\s+){0,4}$/;
const RELEASE_DEMANDED = /\b(?:should|must|would|could|is a priority|remains? a priority|is needed|is essential|is overdue)\b/;
/** "... assault and other charges", "... murder case": the cue names what someone is accused of. */
const ACCUSATION_AFTER = /^(?:\s+(?!(?:against|of|without|no|any)\b)\S+){0,3}?\s+(?:charges?|allegations?|accusations?|case|cases|conviction|trial)\b/;
const EARLIER = /(?:\b(after|following|since|previously|formerly|earlier|once|had been|prior|first|had spent|had served|tras|después de|había sido|habia sido|trước đó|après)\s+(?:\S+\s+){0,2}$)|(?:หลัง|پیش‌تر|پیشتر|早前|此前|曾)\S{0,12}$/u;
/** A past date or "at the time" in the cue's clause: background, not the news. */
const PAST_CLAUSE = /\b(?:in|from|during|between|by) (?:(?:early|late|mid)[- ])?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b|\b(?:\d+|two|three|four|five|six|ten|several|many) (?:years?|decades?) ago\b|\blast year\b|\bthe same (?:year|month|week|day)\b|\bat the time\b|\bin the past\b|\b(?:the )?past (?:decade|\d+ years|few years)\b|\b(?:several|many|multiple|numerous|\w+) times\b|\brepeatedly\b|\bsince (?:(?:early|late|mid)[- ])?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b/;
/** Said of the whole sentence: "..., witnesses said at the time." */
const PAST_SENTENCE = /\b(?:said|reported|recalled) at the time\b/;
/** "remains detained", "is still held": a current state, whatever dates the clause mentions. */
const ONGOING = /\b(?:remains?|remained|still|is being|are being|continues? to be|(?:has|have) been(?= (?:\S+ )?(?:held|detained|imprisoned|jailed|in (?:custody|detention|prison|jail)|behind bars|under house arrest)))\s+(?:\S+\s+){0,3}$/;
/** A cue that governs a list of names: "executed four prisoners, including A and B", "those convicted include A". */
const LIST_AFTER = /^(?:\s+\S+){0,6}?\s*,?\s*(?:including|include[sd]?|among them|such as|namely|incluidos?|incluyendo|entre ellos)\b|^\s+(?:were|are)\s*:/;
/** "his father", "her mother", "members of the network": the cue is about a relative or others. */
const OTHER_SUBJECT = /\b(?:(?:his|her|their|whose)(?:\s+\S+){0,2}?\s+(?:father|mother|son|daughter|brother|sister|wife|husband|parents|relatives|colleagues?|associates?|supporters|followers|friends?|lawyer|uncle|aunt|cousin|nephew|niece|grandfather|grandmother)|members of|(?:dozens|hundreds|thousands) of (?:his|her|their)?\s*\S+)\b[^.;:]*$/;
/** "at the funeral of a teenager who died": a relative clause about someone unnamed. */
const OTHER_RELATIVE =
  /\b(?:a|an|the|another|other|two|three|several)\s+(?:[\w-]+\s+){0,2}?(?:teenager|man|woman|boy|girl|student|child|protester|person|people|prisoner|detainee|inmate|activist|journalist|colleague|relative|friend|worker|farmer|villager|resident)s?\s+(?:who|that)\s+(?:(?:had|has|have|was|were|been|later|allegedly|reportedly)\s+){0,2}$/;
/** A cue word that is the topic of a document, meeting or campaign: "manual on documenting torture". */
const TOPIC =
  /\b(?:documenting|documentation of|prevention of|preventing|combat(?:t)?ing|(?:manual|training|workshop|course|guide|guidelines|handbook|conference|seminar|report|rapporteur|convention|committee) (?:on|against|about)(?: the)?(?: (?:prevention|documentation|investigation) of)?|convention against)\s+$/;
const LATER = /\b(later|subsequently|eventually|finally|now|again|ultimately|before(?: being)?|but)\s+(?:\S+\s+){0,2}$/;

/** Cues of a person missing or held unseen: ended by a later return or release. */
const VANISHED = /missing|disappear|abduct|kidnap|whereabouts|not been (?:seen|heard)|incommunicado|desaparecid|secuestrad|похищ|пропал/;

const RANK: Record<Level, number> = { critical: 4, 'good-news': 3, high: 2, elevated: 1 };

function collect(lower: string, re: RegExp, level: Level, out: Cue[], quotes: readonly [number, number][], names: string | null): void {
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const before = lower.slice(Math.max(0, m.index - 60), m.index);
    if (NEGATION.test(before)) continue;
    // "revoked the conditional release", "violated the terms of his release": a release undone
    if (level === 'good-news' && UNDONE.test(before)) continue;
    // "the Commission for Missing Persons", "the Committee against Torture": a word of a name
    // (an acronym, "СИЗО", is not such a word)
    if (names !== null && CAPITAL.test(names[m.index]!) && WORD_BEFORE.test(names.slice(Math.max(0, m.index - 30), m.index)) && !ACRONYM.test(names.slice(m.index, m.index + m[0].length)))
      continue;
    // "a manual on documenting torture": the subject of a text or a meeting, not an event
    if (TOPIC.test(before)) continue;
    // "el desaparecido diario": "defunct", an adjective before its noun
    if (level === 'critical' && /^desaparecid/.test(m[0]) && /\b(?:el|la|los|las|del|al|un|una)\s+$/.test(before)) continue;
    let lv: Level = level;
    // (a cue spanning a name, "found X guilty", is shown by its ends)
    const word = (m[1] ?? m[0]).replace(/^(\S+)(?:\s+\S+){3,}\s+(\S+)$/, '$1 … $2');
    // "jailed on sexual assault charges": the crime of the accusation, not violence done to them
    if (lv === 'critical' && (ACCUSED.test(before) || ACCUSATION_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 40)))) lv = 'high';
    const modal = MODAL.test(before) || MODAL_FAR.test(before);
    if ((lv === 'critical' || lv === 'high') && modal) lv = 'elevated';
    const scheduled = /^(?:due|set|expected|scheduled|decision|decided|ruled|voted|agreed|ordered)\b/.test(m[0]);
    // "the release of X should be the priority": a demand
    if (lv === 'good-news' && /^(?:release|freeing)\b/.test(m[0]) && RELEASE_DEMANDED.test(clauseAround(lower, m.index + m[0].length, m.index + m[0].length))) continue;
    if (lv === 'good-news' && !scheduled && modal && !/\b(?:was|were|been|being|is|are|has|have|had)\s+\S*\s*(?:released|freed)$/.test(lower.slice(Math.max(0, m.index - 40), m.index + m[0].length))) continue;
    let time = 0;
    if (EARLIER.test(before)) time = -1;
    // "before being freed in 2010": later than the rest of the sentence, but itself background
    else if (LATER.test(before) || /\bre-?(?:arrested|detained)/.test(word) || (lv === 'high' && /\bre-$/.test(before))) time = PAST_CLAUSE.test(clauseAround(lower, m.index + m[0].length, m.index + m[0].length)) ? -0.5 : 1;
    else if (!ONGOING.test(before) && (PAST_CLAUSE.test(clauseAround(lower, m.index, m.index + m[0].length)) || PAST_SENTENCE.test(lower))) time = -1;
    const end = m.index + m[0].length;
    // "among those released were A, B and C": the list follows "were"; "those released" names a group,
    // so without such a list the cue is about no one named
    const those = /^(?:among )?those\b/.test(m[0]) || /\bthose\s+$/.test(before);
    const lm = LIST_AFTER.exec(lower.slice(end, end + 80)) ?? (those ? /^(?:\s+[^\s,.;:]+){0,4}?\s+(?:were|are)\b/.exec(lower.slice(end, end + 60)) : null);
    if (those && !lm) continue;
    const back = lower.slice(Math.max(0, m.index - 120), m.index);
    const om = OTHER_SUBJECT.exec(back) ?? OTHER_RELATIVE.exec(back);
    const quote = quotes.find(([a, b]) => a <= m!.index && m!.index < b && !FIRST_PERSON.test(lower.slice(a, b))) ?? null;
    // "the death in custody of Mahsa Amini", "the release of X": an event named with whom it befell
    const ofName = names !== null && (/\bof$/.test(m[0]) ? /^\s+\p{Lu}/u : OF_NAME).test(names.slice(end, end + 60));
    out.push({ level: lv, at: m.index, time, word, list: lm ? end + lm[0].length : -1, other: om ? Math.max(0, m.index - 120) + om.index : -1, after: those || ofName, quote });
  }
}
const OF_NAME = /^\s+of\s+(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,3}?\p{Lu}/u;

const CAPITAL = /\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
/** A word (or a comma) right before: the capital is not the first of a sentence or of a quotation. */
const WORD_BEFORE = /[\p{L},]\s+$/u;

/** Is the sentence in Title Case (a headline), where every word has a capital? */
function titleCase(s: string): boolean {
  let words = 0;
  let caps = 0;
  for (const w of s.split(/\s+/)) {
    if (w.length < 4 || !/^\p{L}/u.test(w)) continue;
    words++;
    if (CAPITAL.test(w[0]!)) caps++;
  }
  return words >= 3 && caps / words >= 0.8;
}

/** The clause around a cue: from the last clause break before it to the next one after. */
function clauseAround(lower: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && !CLAUSE_BREAK.has(lower[a - 1]!)) a--;
  let b = e;
  while (b < lower.length && !CLAUSE_BREAK.has(lower[b]!)) b++;
  return lower.slice(a, b);
}
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–']);
/** A quotation about the speaker ("they beat me") or about one person ("he was taken at dawn," his lawyer said of X). */
const FIRST_PERSON = /\b(?:i|me|my|i'm|i've|he|she|him|her|his)\b/;
/**
 * "Russia freed X", "released 123 prisoners": a release in the active voice (needs the capitals). Not the
 * imperative "free": "Free X" is a campaign slogan.
 */
const ACTIVE_RELEASE = /\b(?:freed|frees|released|releases|pardoned|pardons)\s+(?!(?:by|on|from|in|at|after|during|under|without|since|until|for|early|last|this)\b)(?=(?:(?:the|a|an)\s+)?(?:\p{Ll}\S*\s+){0,2}?\p{Lu}|\d+\s+(?:\S+\s+)?(?:prisoners|detainees|inmates|people|activists|journalists|political))/gu;

/** Every cue in one sentence, with its position (in the lower-cased, quote-stripped text). */
export function sentenceCues(sentence: string): Cue[] {
  const norm = sentence.replace(/[’‘`´]/g, "'").replace(/'s\b/g, ' s').replace(/\s+/g, ' ');
  // quotation spans, found before the quote marks are removed (positions shift by one per mark)
  const quotes: [number, number][] = [];
  let shift = 0;
  let open = -1;
  let stripped = '';
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i]!;
    if (ch === '“' || ch === '”' || ch === '"' || ch === '«' || ch === '»' || ch === '„') {
      const isOpen = ch === '“' || ch === '«' || ch === '„' || (ch === '"' && open < 0);
      if (isOpen && open < 0) open = i - shift;
      else if (!isOpen && open >= 0) {
        quotes.push([open, i - shift]);
        open = -1;
      }
      shift++;
      continue;
    }
    stripped += ch;
  }
  // a quotation still open at the end of the sentence runs to its end
  if (open >= 0) quotes.push([open, stripped.length]);
  const lower = stripped.toLowerCase();
  const out: Cue[] = [];
  // capitals tell names from words, except in a Title Case headline
  const names = titleCase(stripped) ? null : stripped;
  collect(lower, CRITICAL, 'critical', out, quotes, names);
  collect(lower, HIGH, 'high', out, quotes, names);
  collect(lower, ELEVATED, 'elevated', out, quotes, names);
  collect(lower, GOOD, 'good-news', out, quotes, names);
  for (const { re, level } of NATIVE_CUES) collect(lower, re, level, out, quotes, null);
  ACTIVE_RELEASE.lastIndex = 0;
  for (let m = ACTIVE_RELEASE.exec(stripped); m; m = ACTIVE_RELEASE.exec(stripped)) {
    const before = lower.slice(Math.max(0, m.index - 60), m.index);
    if (NEGATION.test(before) || MODAL.test(before)) continue;
    const end = m.index + m[0].trimEnd().length;
    const lm = LIST_AFTER.exec(lower.slice(end, end + 80));
    const time = !ONGOING.test(before) && PAST_CLAUSE.test(clauseAround(lower, m.index, end)) ? -1 : 0;
    out.push({ level: 'good-news', at: m.index, time, word: m[0].trim(), list: lm ? end + lm[0].length : -1, other: -1, after: true, quote: null });
  }
  // the same words found by two lists (e.g. "detained" inside a release phrase): keep every cue, ordering decides
  return out;
}

/** The level of one window of cues: the latest event wins; among equals, the gravest. */
export function levelOf(cues: readonly Cue[]): { level: Urgency; cue: string | null; time: number } {
  if (cues.length === 0) return { level: 'info', cue: null, time: -1 };
  let maxTime = -Infinity;
  for (const c of cues) if (c.time > maxTime) maxTime = c.time;
  // a killing that is the news is never outweighed by anything else in the window; one told as
  // background ("was tortured in 2019") is
  let best: Cue | null = cues.find((c) => c.level === 'critical' && c.time >= 0) ?? null;
  if (!best) {
    for (const c of cues) {
      if (c.time !== maxTime) continue;
      if (!best || RANK[c.level] > RANK[best.level]) best = c;
    }
  }
  // "X, who went missing in May, has returned home": a return or release after a disappearance ends it
  if (best && best.level === 'critical' && VANISHED.test(best.word)) {
    const at = best.at;
    const back = cues.find((c) => c.level === 'good-news' && c.time >= 0 && c.at > at);
    if (back) best = back;
  }
  // "released, but banned from travel": a restriction that comes with a release does not undo it
  if (best && best.level === 'elevated') {
    const good = cues.find((c) => c.level === 'good-news' && c.time >= 0);
    if (good) best = good;
  }
  return best ? { level: best.level, cue: best.word, time: best.time } : { level: 'info', cue: null, time: -1 };
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 5, 'good-news': 4, high: 3, elevated: 2, info: 1 };

/**
 * Combine the levels of several mentions of one person in one item. With `times`, levels that are
 * only background (time -1: "was arrested in 2012") count only when no mention reports current news.
 */
export function combineLevels(levels: readonly Urgency[], times?: readonly number[]): Urgency {
  let current = false;
  let latest = 0;
  if (times) {
    for (let i = 0; i < levels.length; i++) {
      if (levels[i] === 'info' || times[i]! < 0) continue;
      current = true;
      if (times[i]! > latest) latest = times[i]!;
    }
  }
  let best: Urgency = 'info';
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!;
    if (current && times && times[i]! < 0) continue;
    // "re-arrested days after being freed": an event told as later than the news outranks the rest
    if (latest > 0 && times && times[i]! < latest && l !== 'info') continue;
    if (URGENCY_RANK[l] > URGENCY_RANK[best]) best = l;
  }
  return best;
}

export type { Cue };
