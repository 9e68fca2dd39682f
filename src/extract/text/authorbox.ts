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
