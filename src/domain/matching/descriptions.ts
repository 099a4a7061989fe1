/**
 * How news describes someone who is not a watched defender: words of sport and entertainment, posts
 * in government and companies, professions written as titles, police and accident reports. Used by
 * namesakes.ts (full names) and partials.ts (bare name parts).
 */

/** Words that make a sentence about a sports match or player (one strong word, or two weak ones). */
export const SPORT_STRONG =
  /\b(?:scored|scores|(?<!hunger )striker|midfielder|goalkeeper|footballer|(?:central|centre|center|left|right) (?:defender|back)|centre-back|full-back|winger|stoppage time|hat-trick|halftime|half-time|free kick|penalty kick|premier league|champions league|transfer window|on (?:a )?(?:season-long )?loan (?:from|to)|red card|yellow card|archery|archer|(?:gold|silver|bronze) medal|medall?ist|championships?|olympics?|olympian|world cup|grand slam|(?:semi|quarter)-?finals?|defending champion|tennis|cricketer|golfer|boxer|wrestler|cyclist|sprinter|marathon|volleyball|basketball|badminton|handball|rugby|squad|captained|national team|sea games|asian games|most valuable player|outside hitter|\d+ points|rebounds|baseball|innings|pitcher|right-hander|left-hander|home runs?|strikeouts?|struck out)\b/;
/** The same in other languages (French, Spanish, Portuguese, Vietnamese, Russian, Indonesian, Turkish, Azerbaijani), and athletics. */
export const SPORT_OTHER_LANGUAGES =
  /(?<!\p{L})(?:athletics|finish line|(?:women|men)'s (?:elite )?race|sprint finish|ligue 1|footballeur|attaquant|milieu de terrain|milieu offensif|milieu défensif|entraîneur|mercato|gardien de but|doublé|v\.league|bàn thắng|ghi bàn|cầu thủ|tiền đạo|tiền vệ|thủ môn|futbolista|delantero|centrocampista|portero|golazo|doblete|tenista|cuartos de final|futebol|atacante|goleiro|artilheiro|футболист|нападающ|полузащитник|вратар|фигурн|чемпионат|sepak bola|pesepak bola|bulu tangkis|futbolcu|futbolçu|voleybol|basketbol|maç|pasör|smaç|antrenör|teknik direktör|məşqçi|qapıçı)/u;
export const SPORT_WEAK = /\b(?:(?<!(?:rights|land|environmental|water|public|women's|peace|human) )defender(?! of\b)|struck|match|league|club|coach|stadium|goals?|season|tournament|fixture|derby|suspended \w+ games)\b/g;
/** Entertainment: an album, a tour, a single, a concert. */
export const SHOW_STRONG = /\b(?:album|singer-songwriter|songwriter|box office|hitmaker|sitcom|blockbuster)\b/;
export const SHOW_WEAK = /\b(?:tour|single|concert|singer|film|movie|actor|actress|festival|tickets)\b/g;
/**
 * "the suspect, identified as X", "the truck driver, X, 41": a police or accident report's wording for
 * someone with no other description (the person's own context word in the sentence outweighs it).
 */
export const SUSPECT_BEFORE = /\b(?:suspects?|driver|captain)\b[^.;:!?]{0,30}$/;
/** ", 58, former deputy director of the land office", ", 38, a former teller at a bank branch": a post in a government office or a company. */
export const APPOSITION_OFFICE =
  /^\s*,\s*(?:\d{2,3},\s*)?(?:(?:a|an|the)\s+)?(?:(?:(?:former|ex-|deputy|vice|vice-|acting|then|chief|senior|general)\s*)*(director|chairman|chairwoman|chairperson|head|official|manager|accountant|teller|cashier|clerk|governor|mayor|minister|secretary|commander|officer|president|administrator)\s+(?:of|at)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'-]+\s+){0,3}?(?:office|department|ministry|committee|bureau|administration|council|company|firm|bank|branch|corporation|police|province|district|municipality|ward|township|village|commune)\b|(member|mp|representative)\s+(?:of parliament\s+)?(?:for|from)\s+\p{L}|(?:retired\s+)?(diplomat|ambassador|civil servant|businessman|businesswoman|tycoon))/u;
/** "Economist X", "Rapper X": a profession as a title; like the apposition, it does not outweigh an arrest. */
export const PROFESSION_TITLE_BEFORE =
  /\b(economist|analyst|professor|researcher|banker|entrepreneur|investor|actor|actress|singer|rapper|musician|footballer|athlete|coach|chef|comedian|surgeon|architect|engineer)\s+$/;
/** "Chairman X", "Deputy Minister X", "General X": a post written as a title before the name. */
const OFFICE_TITLE_BEFORE =
  /\b(chairman|chairwoman|chairperson|ceo|chief executive|managing director|director general|deputy minister|vice minister|minister|governor|mayor|general|colonel|major general|police chief|prosecutor|judge|ambassador|(?:sales|marketing|finance|executive|general) director|general manager|market vendor|vendor|shopkeeper|(?:head |police )?constable|(?:sub-)?inspector|sergeant|corporal|sepoy|lance naik)\s+$/;
/** Posts that also head associations, unions and NGOs. */
export const CHAIR = /^(?:chairman|chairwoman|chairperson|ceo|chief executive|managing director|director general|executive director|general manager)$/;
/** An association's, union's or NGO's name right before the title: "Mabvuku-Tafara Residents Trust chairperson X". */
export const ASSOCIATION_BEFORE = /\b(?:trust|association|union|network|alliance|coalition|federation|society|movement|forum|committee|collective|group|organi[sz]ation|ngo|centre|center|league|foundation|council|institute)\b[^.;:!?]{0,25}$/i;

/**
 * Posts in government in other languages: "глава Лесогорского района X", "alcalde X" before the name;
 * "X, Phó Bí thư Huyện ủy", "X, Chủ tịch UBND xã", Khmer "X អភិបាលរងខេត្ត" (deputy provincial governor)
 * after it (a party, People's Committee or provincial post, not the chair of an association, which a
 * watched defender may be).
 */
const OFFICE_TITLE_BEFORE_OTHER =
  /(?<!\p{L})(глава|губернатор|мэр|министр|замминистра|заместитель главы|генеральный директор|аким\p{L}*|әкім\p{L}*|орынбасар\p{L}*|alcalde|alcaldesa|gobernador|gobernadora|ministro|ministra|maire|préfet|ministre|prefeito|prefeita|governador|bupati|gubernur|walikota|wali kota)(?:\s+[^\s,.;:]+){0,3}?\s+$/u;
export const APPOSITION_OFFICE_OTHER =
  /^\s*(?:(អភិបាលរង|អភិបាល|ស្នងការរង|ស្នងការ|មេឃុំ|រដ្ឋមន្ត្រី|ឧត្តមសេនីយ៍|ប្រធានមន្ទីរ|អនុប្រធានមន្ទីរ)|,\s*((?:phó\s+)?(?:chủ tịch (?:ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân)|bí thư (?:tỉnh ủy|huyện ủy|thành ủy|đảng ủy|chi bộ)|giám đốc (?:sở|công ty|ngân hàng)|trưởng công an)))/u;
/** ", an economics professor at ...": a profession in apposition right after the name. */
export const APPOSITION_PROFESSION =
  /^\s*,\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(professor|lecturer|economist|analyst|banker|businessman|businesswoman|entrepreneur|executive|investor|actor|actress|singer|rapper|musician|footballer|athlete|chef|comedian|surgeon|physician|architect|engineer|broker|trader)\b/u;

/**
 * A post or a profession written as a title right before a name ("Actor X", "Governor X", "глава
 * района X"): the text before the name, lower case. For a bare name part, that is someone else's name.
 */
export function titleBefore(lowerBefore: string): string | undefined {
  return officeTitleBefore(lowerBefore) ?? PROFESSION_TITLE_BEFORE.exec(lowerBefore)?.[1];
}

/** A post in government or a company written as a title right before a name, in any language listed. */
export function officeTitleBefore(lowerBefore: string): string | undefined {
  return (OFFICE_TITLE_BEFORE.exec(lowerBefore) ?? OFFICE_TITLE_BEFORE_OTHER.exec(lowerBefore))?.[1];
}
