/**
 * Word lists the name reader uses. All entries are folded (lower case, no diacritics).
 */

/** Honorifics and titles: cues that a name follows, never part of a name. Multi-word titles are space-separated. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'madam', 'madame',
  'h e', 'he', 'excellency', 'lok', 'lok chumteav', 'chumteav', 'oknha', 'samdech', 'neak', 'okhna', 'bong', 'ven',
  'venerable', 'father', 'sister', 'brother', 'imam', 'sheikh', 'shaikh', 'sheik', 'hajji', 'haji', 'hajj', 'sayyid',
  'sayed', 'ustad', 'ustaz', 'mullah', 'rabbi', 'pastor', 'rev', 'reverend', 'bishop', 'president', 'minister',
  'senator', 'sen', 'rep', 'gov', 'governor', 'mayor', 'judge', 'justice', 'general', 'gen', 'colonel', 'col',
  'captain', 'capt', 'lt', 'sgt', 'officer', 'deputy', 'leader', 'activist', 'journalist', 'lawyer', 'comrade',
  'senor', 'senora', 'sr', 'sra', 'srta', 'don', 'dona', 'herr', 'frau', 'monsieur', 'mme', 'mlle', 'gospodin',
  'господин', 'госпожа', 'г', 'г-н', 'السيد', 'السيدة', 'الشيخ', 'الدكتور', 'د', 'الاستاذ', 'لوك', 'khun', 'nai',
  'daw', 'u', 'ko', 'ma', 'bapak', 'pak', 'ibu', 'bu', 'tuan', 'puan', 'datuk', 'dato', 'datin', 'tan', 'encik',
  'ustadh', 'mam', 'mme', 'ambassador', 'chairman', 'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'spokesperson',
]);

/** Honorifics in scripts without spaces, removed from native-script aliases. */
export const NATIVE_HONORIFICS: readonly string[] = ['លោកជំទាវ', 'លោកស្រី', 'លោក', 'អ្នកស្រី', 'ឯកឧត្តម', 'សម្តេច', 'ออกญา', 'นาย', 'นาง', 'นางสาว', '先生', '女士'];

/** Particles inside names that may be present or absent ("al-Qahtani" = "Qahtani" = "el-Qahtani"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'dos', 'das', 'la', 'le', 'y',
]);
/** Arabic assimilated articles: particles only when hyphen-attached ("ash-Shami"). */
export const HYPHEN_PARTICLES: ReadonlySet<string> = new Set(['ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ath', 'adh', 'ud', 'un']);

/**
 * Spellings of the same very common given names (transliteration variants), folded to one key.
 * Each group is one name; the first spelling is the key.
 */
const VARIANT_GROUPS: readonly string[][] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'mohamud', 'muhamad', 'mohammod', 'mouhamed', 'muhamed', 'mohd', 'mehmed'],
  ['ahmad', 'ahmed', 'ahmet', 'achmad'],
  ['mahmoud', 'mahmud', 'mahmood', 'mahmut'],
  ['hussein', 'husayn', 'hussain', 'husain', 'hossein', 'husein', 'huseyin'],
  ['hassan', 'hasan', 'hasen'],
  ['hasanain', 'hassanein'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousuf', 'yousif', 'youcef', 'yossef'],
  ['umar', 'omar', 'omer'],
  ['usama', 'osama', 'oussama'],
  ['abdullah', 'abdallah', 'abdulla', 'abdellah'],
  // "Abd" is the same word as "Abdel"/"Abdul" (servant of), written with the article apart: "Abd El-Fattah"
  ['abdul', 'abdel', 'abdal', 'abdoul', 'abdol', 'abd', 'abdu'],
  ['abdulrahman', 'abdelrahman', 'abderrahmane', 'abdurrahman', 'abdurahman', 'abdelrahmane'],
  ['abdulaziz', 'abdelaziz', 'abdelazziz'],
  ['ali', 'aly'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mostapha'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'brahim'],
  ['khalid', 'khaled', 'khalied'],
  ['said', 'saeed', 'saied', 'sayed', 'sayid', 'saiid'],
  ['nasser', 'nasir', 'naser', 'nassir'],
  ['aisha', 'aysha', 'aicha', 'ayesha', 'aishah'],
  ['fatima', 'fatma', 'fatimah', 'fatemeh', 'fatimah'],
  ['mariam', 'maryam', 'meryem', 'miriam'],
  ['zainab', 'zaynab', 'zeinab', 'zeynep'],
  ['jamal', 'gamal', 'djamel', 'jamel'],
  ['qasim', 'kassem', 'qassem', 'kasim', 'qassim', 'kacem'],
  ['alexei', 'alexey', 'aleksei', 'aleksey', 'alexej', 'aleksej'],
  ['sergei', 'sergey', 'serguei', 'sergej'],
  ['yuri', 'yury', 'iouri', 'juri', 'yuriy'],
  ['dmitry', 'dmitri', 'dmitriy', 'dimitri'],
  ['andrei', 'andrey', 'andrej'],
  ['nikolai', 'nikolay', 'nicolai'],
  ['evgeny', 'yevgeny', 'evgeniy', 'yevgeniy', 'evgenii', 'yevgeni'],
  ['ekaterina', 'yekaterina', 'katerina'],
  ['yulia', 'yuliya', 'julia', 'iuliia', 'ioulia'],
  ['natalia', 'natalya', 'nataliya'],
  ['olga', 'olha'],
  ['vladimir', 'volodymyr', 'wladimir'],
  ['mikhail', 'mikhael', 'michail'],
  ['tatiana', 'tatyana', 'tatjana'],
  ['xinjiang', 'shinjang'],
];

export const NAME_VARIANT_KEY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const g of VARIANT_GROUPS) for (const v of g) m.set(v, g[0]!);
  return m;
})();

/**
 * Common English words that are capitalised at the start of a sentence or in headlines; a capitalised
 * word from this list next to a name part is not another person's name.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so as at by for from in into of on onto to with without about after before since ' +
    'during while when where why how who whom whose which what that this these those there here it its he she they ' +
    'them his her their we our you your i me my mine also yet still even only just not no nor all any both each ' +
    'every some many most more few other another such than too very again ever never always often now today ' +
    'yesterday tomorrow tonight meanwhile however although though because unless until whether said says told ' +
    'according amid among against between under over up down out off through across near last next first later ' +
    'earlier recently previously former acting late dear thank thanks please let lets may might must can could ' +
    'would should will shall did does do is are was were be been being has have had mrs mr ms dr update breaking ' +
    'exclusive analysis opinion comment editorial news report photo video watch read listen see via courtesy ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

/** Words that are also common English words: a partial name made of one needs a title or a context word. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'sam will hope rose may long young king white black brown green gray grey rich bill mark jack john frank grace ' +
    'joy faith rich price love little small sun man son lee young hun sen sok chan chen lim kim ly ny mu tor mao ' +
    'yi ma la so san ha li an hai bo ho tan ban bun kong mean moon star rain rainy summer winter spring autumn ' +
    'april june august sunny hung dang kem ke noor said ali amir malik king queen prince princess can hong ' +
    // nationalities that are also name parts ("Thai activist", Duong Van Thai)
    'thai lao'
  ).split(' '),
);

/**
 * Words that, capitalised right after a person's name, make it the name of an organisation, prize,
 * place or law named after them ("the Sam Rainsy Party", "Magnitsky Act"): not news about the person.
 */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  (
    'party foundation initiative institute institution prize award awards fund center centre school academy ' +
    'university college library street st road avenue boulevard blvd lane square bridge market stadium airport ' +
    'hall museum park hospital trust society movement memorial lecture fellowship scholarship station highway ' +
    'act law medal trophy cup club league front bloc'
  ).split(' '),
);

/**
 * Countries and nationalities (folded): as a context word they are too common in news to tell which of a
 * country's people an item means.
 */
export const COUNTRY_WORDS: ReadonlySet<string> = new Set(
  (
    'egypt egyptian saudi arabia uae emirati bahrain bahraini iran iranian iraq iraqi syria syrian yemen yemeni ' +
    'jordan lebanon lebanese kuwait qatar oman morocco algeria tunisia libya sudan ethiopia eritrea kenya uganda ugandan ' +
    'rwanda burundi tanzania zimbabwe zambia nigeria cameroon congo russia russian belarus belarusian ukraine ' +
    'ukrainian azerbaijan armenia georgia turkey turkish china chinese tibet hongkong vietnam vietnamese cambodia ' +
    'cambodian thailand thai myanmar burma burmese laos india indian pakistan bangladesh afghanistan nepal ' +
    'philippines indonesia malaysia singapore nicaragua honduras guatemala mexico cuba cuban venezuela colombia ' +
    'brazil peru bolivia ecuador salvador chile argentina panama paraguay uruguay haiti somalia mali niger chad ' +
    'senegal ghana kazakhstan uzbekistan tajikistan kyrgyzstan turkmenistan mongolia korea japan taiwan lanka ' +
    'palestine gaza israel spain france germany italy britain england scotland ireland poland hungary serbia'
  ).split(' '),
);

/** English prepositions before a place: "in San Miguel, El Salvador". */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'near', 'outside']);
/**
 * Words before a place in the languages read ("in Ashulia", "de Cusco", "tỉnh Nghệ An"), folded as
 * token keys are; not "a", "o", "no", which are articles elsewhere.
 */
export const LOCATIVES: ReadonlySet<string> = new Set([
  ...PLACE_PREPOSITIONS,
  ...['de', 'du', 'en', 'dans', 'em', 'di', 'tai', 'tinh', 'huyen', 'province', 'district', 'city', 'в', 'из', 'во'],
]);

/** First words of place names ("San Miguel", "Puerto Cabello"): a name form starting with one may be a place. */
export const PLACE_START_WORDS: ReadonlySet<string> = new Set(
  'san santa santo sao monte puerto porto port fort mount saint ste los las villa ciudad nueva nuevo new north south east west'.split(' '),
);

/**
 * The commonest function words of the languages whose words of rights news are listed below: an item
 * with many of them is in one of those languages, so the absence of rights words means something.
 * (English, Spanish, French, Portuguese, Indonesian, Vietnamese and Russian, folded as tokens are.)
 */
export const FREQUENT_WORDS: ReadonlySet<string> = new Set(
  (
    'the and of to ' +
    'el los las del y que una por con para ' +
    'le les des du et est une sur dans ' +
    'os das dos e um uma com ' +
    'yang dan di dengan untuk dari ini itu ' +
    'cua va cac nhung duoc trong cho voi mot nguoi ' +
    'и в на с по что не из за для'
  ).split(' '),
);

/** Words of the news Vigil is for: arrests, courts, prisons, rights, protest, the press (match.ts, off-topic items). */
export const RIGHTS_WORDS: ReadonlySet<string> = new Set(
  (
    'arrest arrested arrests arresting detain detained detains detaining detention detentions prison prisons prisoner ' +
    'prisoners imprisoned imprisonment jail jailed jails custody charge charged charges convict convicted conviction ' +
    'sentence sentenced sentences sentencing court courts trial trials police activist activists rights defender ' +
    'defenders journalist journalists opposition protest protests protester protesters protested dissident dissidents ' +
    'amnesty exile exiled released freed abduct abducted abduction disappeared disappearance torture tortured harass ' +
    'harassed harassment threat threats threatened persecution persecuted crackdown political censorship censored freedom ' +
    'condemn condemns condemned abuses violations human airstrike airstrikes junta shelling bombing bombed displaced ' +
    // Spanish, Portuguese
    'detenido detenida detenidos detenidas detencion arresto arrestado arrestada carcel prision preso presa presos ' +
    'condena condenado condenada tribunal juicio fiscal fiscalia policia activista activistas periodista periodistas ' +
    'defensor defensora defensores derechos oposicion protesta protestas exilio exiliado liberado liberada liberacion ' +
    'secuestrado secuestrada desaparecido desaparecida desaparicion tortura torturado amenaza amenazas amenazado ' +
    'hostigamiento persecucion represion censura libertad acusado acusada cargos imputado capturado capturaron captura ' +
    'prisao detido detida detencao julgamento ativista jornalista direitos oposicao libertado sequestrado ameaca ' +
    'perseguicao repressao liberdade desalojo desalojos desalojada desalojados desalojo usurpacion capturan capturada capturados ' +
    'lider lideresa lideres indigena indigenas criminalizacion audiencia juez jueza juzgado despejo lideranca ' +
    // French
    'arrete arretee arrestation detenu detenue detention prisonnier emprisonne condamne condamnee condamnation proces ' +
    'militant militante militants journaliste journalistes defenseur defenseurs droits manifestation manifestants exile ' +
    'libere liberee enleve disparu disparue menace menaces harcelement repression censure liberte accuse inculpe interpelle ' +
    // Indonesian
    'ditangkap penangkapan ditahan penahanan penjara dipenjara tahanan narapidana divonis vonis dakwaan didakwa terdakwa ' +
    'pengadilan sidang polisi aktivis jurnalis wartawan pembela hak asasi oposisi protes demonstrasi dibebaskan diculik ' +
    'penyiksaan disiksa ancaman diancam intimidasi kriminalisasi kebebasan tersangka ' +
    // Vietnamese syllables (folded): arrest, hold, detain, prison, court, trial, rights, release, journalist
    'bat giu giam tu toa xu quyen tha bao'
  ).split(' '),
);

/** Russian, Belarusian and Ukrainian words of rights news, by stem (Cyrillic keys are stemmed, and inflect further). */
export const RIGHTS_STEMS = /^(?:задерж|арест|суд|приговор|осужд|колони|тюрьм|заключ|полиц|силовик|активист|журналист|правозащит|оппозиц|протест|митинг|освобож|похищ|пропа|пытк|угроз|преслед|репресс|цензур|свобод|обвин|уголовн|иноагент|эмигр|политзаключ|обыск|палітвязн|палітзняволен|зняволен|затрыман|арышт|прысуд|турм|праваабаронц|вязн|крымінальн|затриман|арешт|ув'язнен|вирок|правозахисн|політв'язн|кримінальн|в'язниц)/;
