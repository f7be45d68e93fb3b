/** Text wrapped to a width for the terminal: by words, a word longer than the width broken where it must. */

/** The lines of `text` at most `width` characters wide (at least 1). */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (let word of para.split(/ +/)) {
      while (word.length > w) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(word.slice(0, w));
        word = word.slice(w);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= w) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * A paragraph wrapped to `width`, its first line after `first` and the others after `rest` (a hanging indent).
 * @example wrapParagraph("- a long sentence …", 80, "  ", "    ")
 */
export function wrapParagraph(text: string, width: number, first = "", rest = first): string {
  const lines = wrapLines(text, width - Math.max(first.length, rest.length));
  return lines.map((l, i) => (i === 0 ? first : rest) + l).join("\n");
}
