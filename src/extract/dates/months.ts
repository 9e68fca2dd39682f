// Month names of the languages news pages are written in, full and abbreviated, in the forms
// dates use (Polish, Czech and Russian write the genitive: "15 października 2025").
// Keys are lower-cased with diacritics removed (see foldWord), so "März", "marz" and "mär" all match.

const TABLE: Array<[number, string]> = [
  // English
  [1, 'january jan'], [2, 'february feb'], [3, 'march mar'], [4, 'april apr'], [5, 'may'], [6, 'june jun'],
  [7, 'july jul'], [8, 'august aug'], [9, 'september sep sept'], [10, 'october oct'], [11, 'november nov'], [12, 'december dec'],
  // German (Austrian Jänner, Feber)
  [1, 'januar janner jaenner jan'], [2, 'februar feber'], [3, 'marz maerz mrz'], [5, 'mai'], [6, 'juni'], [7, 'juli'],
  [10, 'oktober okt'], [12, 'dezember dez'],
  // French
  [1, 'janvier janv'], [2, 'fevrier fevr fev'], [3, 'mars'], [4, 'avril avr'], [6, 'juin'], [7, 'juillet juil'], [8, 'aout'],
  [9, 'septembre'], [10, 'octobre'], [11, 'novembre'], [12, 'decembre'],
  // Spanish
  [1, 'enero ene'], [2, 'febrero'], [3, 'marzo'], [4, 'abril abr'], [5, 'mayo'], [6, 'junio'], [7, 'julio'], [8, 'agosto ago'],
  [9, 'septiembre setiembre'], [10, 'octubre'], [11, 'noviembre'], [12, 'diciembre dic'],
  // Italian
  [1, 'gennaio gen'], [2, 'febbraio'], [4, 'aprile'], [5, 'maggio mag'], [6, 'giugno giu'], [7, 'luglio lug'], [9, 'settembre set'],
  [10, 'ottobre ott'], [11, 'novembre'], [12, 'dicembre'],
  // Portuguese
  [1, 'janeiro'], [2, 'fevereiro'], [3, 'marco'], [5, 'maio'], [6, 'junho'], [7, 'julho'], [9, 'setembro'], [10, 'outubro out'],
  [11, 'novembro'], [12, 'dezembro'],
  // Dutch, Indonesian
  [1, 'januari'], [2, 'februari'], [3, 'maart mrt maret'], [5, 'mei'], [8, 'augustus agustus'], [12, 'desember des'],
  // Scandinavian
  [3, 'marts'], [5, 'maj'], [8, 'augusti'], [10, 'okt'],
  // Polish (nominative and genitive)
  [1, 'styczen stycznia sty'], [2, 'luty lutego lut'], [3, 'marzec marca'], [4, 'kwiecien kwietnia kwi'], [5, 'maja'],
  [6, 'czerwiec czerwca cze'], [7, 'lipiec lipca lip'], [8, 'sierpien sierpnia sie'], [9, 'wrzesien wrzesnia wrz'],
  [10, 'pazdziernik pazdziernika paz'], [11, 'listopad listopada lis'], [12, 'grudzien grudnia gru'],
  // Czech (genitive)
  [1, 'ledna leden'], [2, 'unora unor'], [3, 'brezna brezen'], [4, 'dubna duben'], [5, 'kvetna kveten'], [6, 'cervna cerven'],
  [7, 'cervence cervenec'], [8, 'srpna srpen'], [9, 'zari'], [10, 'rijna rijen'], [11, 'listopadu'], [12, 'prosince prosinec'],
  // Russian / Ukrainian-style genitive and nominative
  [1, 'января январь янв'], [2, 'февраля февраль фев'], [3, 'марта март мар'], [4, 'апреля апрель апр'], [5, 'мая май'],
  [6, 'июня июнь'], [7, 'июля июль'], [8, 'августа август авг'], [9, 'сентября сентябрь сен'], [10, 'октября октябрь окт'],
  [11, 'ноября ноябрь ноя'], [12, 'декабря декабрь дек'],
  // Turkish
  [1, 'ocak'], [2, 'subat'], [3, 'mart'], [4, 'nisan'], [5, 'mayis'], [6, 'haziran'], [7, 'temmuz'], [8, 'agustos'],
  [9, 'eylul'], [10, 'ekim'], [11, 'kasim'], [12, 'aralik'],
  // Hungarian
  [1, 'januar'], [3, 'marcius'], [4, 'aprilis'], [5, 'majus'], [6, 'junius'], [7, 'julius'], [8, 'augusztus'], [9, 'szeptember'],
  [10, 'oktober'],
  // Finnish (partitive "lokakuuta")
  [1, 'tammikuuta tammikuu'], [2, 'helmikuuta helmikuu'], [3, 'maaliskuuta maaliskuu'], [4, 'huhtikuuta huhtikuu'],
  [5, 'toukokuuta toukokuu'], [6, 'kesakuuta kesakuu'], [7, 'heinakuuta heinakuu'], [8, 'elokuuta elokuu'],
  [9, 'syyskuuta syyskuu'], [10, 'lokakuuta lokakuu'], [11, 'marraskuuta marraskuu'], [12, 'joulukuuta joulukuu'],
];

const MONTHS = new Map<string, number>();
for (const [n, words] of TABLE) for (const w of words.split(' ')) if (!MONTHS.has(w)) MONTHS.set(w, n);

/** Lower-case, strip diacritics and a trailing dot. */
export function foldWord(w: string): string {
  return w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
}

/** Month number of a (possibly abbreviated, inflected or accented) month name, or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(foldWord(word));
}
