// Where the body run ends, corrected after scoring: a list the last paragraph introduces with a
// colon goes on (extendColonList), an author box under the article does not (trimAuthorBox).
//
// The author box many sites print under an article ("About the author" / "Jane Roe" / "Jane Roe
// is a reporter covering …") reads as prose and joins the body run. It is recognised by shape,
// not by words: a paragraph near the end of the run that opens with the name printed on the line
// just above it, or with the name from the article's byline.
import type { LineClass, Region } from './body.js';
import type { Line } from './lines.js';

/** How many lines from the end of the run an author box may start. */
const TAIL = 8;

/** "Markus Reuter", "Ganesh Sitaraman", "Anne-Marie de la Cruz": a short line of a name's shape. */
function nameLine(l: Line, c: LineClass): boolean {
  if (c.prose || l.units < 2 || l.units > 4 || l.text.length > 40 || /[\d.!?:;,@]/.test(l.text)) return false;
  return l.text.split(' ').every((w) => /^\p{Lu}/u.test(w) || /^(?:van|von|de|der|den|da|del|della|di|du|la|le|bin|al|el|zu|ter|ten)$/u.test(w));
}

const startsWithWord = (text: string, word: string) => text.startsWith(word) && !/[\p{L}\p{N}]/u.test(text.charAt(word.length));

/**
 * Ends the region before an author box in its last lines, and before the short label lines
 * ("About the author", "Über den Autor") that introduce it. `authors` are the byline's names.
 */
export function trimAuthorBox(lines: Line[], cls: LineClass[], region: Region, authors: string[]): void {
  for (let k = region.end - 1; k > Math.max(region.start + 2, region.end - TAIL); k--) {
    const l = lines[k]!;
    if (!cls[k]!.prose) continue;
    // Only the last paragraph of the run can open a box; one with a paragraph after it is the
    // story going on about a person named in a caption line.
    if (lines.slice(k + 1, region.end).some((m, i) => cls[k + 1 + i]!.prose && m.units > 20)) return;
    let cut = -1;
    // The name line may sit a few short lines up ("Jane Roe" / "Staff writer" / "About the author").
    for (let j = k - 1; j >= Math.max(region.start + 2, k - 4) && !cls[j]!.prose && lines[j]!.units <= 5; j--) {
      if (nameLine(lines[j]!, cls[j]!) && startsWithWord(l.text, lines[j]!.text.split(' ')[0]!)) {
        cut = j;
        break;
      }
    }
    if (cut < 0 && authors.some((a) => a.includes(' ') && startsWithWord(l.text, a))) cut = k;
    if (cut < 0) continue;
    // The label above the box goes with it.
    while (cut - 1 > region.start + 2 && !cls[cut - 1]!.prose && lines[cut - 1]!.units <= 5) cut--;
    region.end = cut;
    if (region.gaps) region.gaps = region.gaps.filter(([a]) => a < cut);
    return;
  }
}

/** Most items of a list introduced by a colon at the end of the body. */
const COLON_LIST = 15;

/**
 * A body that ends in (or is followed by) a line closing with a colon ("Das Wichtigste in Kürze:",
 * "My favourite spots:") goes on with the list it introduces: short lines with no sentence end,
 * which the run scoring took for a menu. The list ends at furniture, a date, a repeated line or a
 * paragraph-length line.
 */
export function extendColonList(lines: Line[], cls: LineClass[], region: Region): void {
  let i = region.end;
  const intro = (k: number) => k < lines.length && /[:：]$/u.test(lines[k]!.text) && lines[k]!.units <= 16 && !cls[k]!.furniture;
  if (!intro(i - 1)) {
    if (!intro(i)) return;
    i++;
  }
  const from = i;
  while (i < lines.length && i - from < COLON_LIST) {
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.furniture || c.dateLine || c.meta || c.prose || l.repeats > 1 || l.units > 40 || /[:：]$/u.test(l.text)) break;
    i++;
  }
  // Short lines that go on past where the list stopped are a menu or a link box after all
  // (a footer starting right after the list is a clean end).
  if (i < lines.length && cls[i]!.inMenuRun && !cls[i]!.furniture && cls[i - 1]!.inMenuRun) return;
  if (i - from >= 2) region.end = i;
}
