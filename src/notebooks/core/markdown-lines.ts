// Lines of a Markdown file with their own ends of line, and its fenced code blocks as CommonMark reads them at
// the top level: a request fence inside another fence (````markdown … ````) is content, not a cell.

export interface Line {
  text: string;
  /** "\n", "\r\n", "\r", or "" for a last line without one. */
  eol: string;
}

export interface Fence {
  /** Index of the opening line. */
  start: number;
  /** Index after the closing line, or the number of lines for a block that runs to the end of the file. */
  end: number;
  closed: boolean;
  /** Spaces before the opening marker (0 to 3). */
  indent: number;
  marker: string;
  /** The first word of the info string, e.g. `altegio` or `json`. */
  language: string;
  /** The words after the language. */
  info: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every top-level fenced code block from line `from` on. */
export function findFences(lines: Line[], from = 0): Fence[] {
  const fences: Fence[] = [];
  for (let i = from; i < lines.length; i++) {
    const open = OPENING.exec(lines[i].text);
    if (!open) continue;
    const marker = open[2];
    const infoText = open[3].trim();
    // A backtick fence's info string cannot contain a backtick (it would be inline code).
    if (marker[0] === '`' && infoText.includes('`')) continue;
    const closing = new RegExp(`^ {0,3}\\${marker[0]}{${marker.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end].text)) end++;
    const closed = end < lines.length;
    const [language = '', ...rest] = infoText.split(/\s+/);
    fences.push({
      start: i,
      end: closed ? end + 1 : lines.length,
      closed,
      indent: open[1].length,
      marker,
      language,
      info: rest.join(' '),
    });
    i = closed ? end : lines.length;
  }
  return fences;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}
