// `{{card.data.id}}` references in a request cell: where they are and what they name.

export interface VariableRef {
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset after the closing `}}`. */
  end: number;
  /** What is between the braces, trimmed: `card.data.id`, `row.phone`, `items[0].id`. */
  expression: string;
  /** The variable (`card`) and the path into its value (`['data', 'id']`). */
  root: string;
  path: (string | number)[];
  valid: boolean;
}

const REFERENCE = /\{\{([^{}]*)\}\}/g;
const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\.(\d+)|\[(\d+)\])/;

export function findVariables(text: string): VariableRef[] {
  const out: VariableRef[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const expression = match[1].trim();
    out.push({ start: match.index, end: match.index + match[0].length, expression, ...parseExpression(expression) });
  }
  return out;
}

export function parseExpression(expression: string): { root: string; path: (string | number)[]; valid: boolean } {
  const head = /^[A-Za-z_$][\w$-]*/.exec(expression);
  if (!head) return { root: expression, path: [], valid: false };
  const path: (string | number)[] = [];
  let rest = expression.slice(head[0].length);
  while (rest) {
    const seg = SEGMENT.exec(rest);
    if (!seg) return { root: head[0], path, valid: false };
    path.push(seg[1] ?? Number(seg[2] ?? seg[3]));
    rest = rest.slice(seg[0].length);
  }
  return { root: head[0], path, valid: true };
}

/** The reference around an offset, also while it is being typed (`{{car|` with no closing braces yet). */
export function variableAt(text: string, offset: number): { start: number; typed: string } | undefined {
  const open = text.lastIndexOf('{{', offset);
  if (open < 0) return undefined;
  const between = text.slice(open + 2, offset);
  if (/[{}\n\r]/.test(between)) return undefined;
  return { start: open + 2, typed: between.trimStart() };
}
