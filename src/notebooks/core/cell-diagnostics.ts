// Problems of a request cell while it is edited: the same analysis and validation that sending uses, lenient only
// about values that appear at run time (answers of cells that have not run, the rows of an `@each`).
import type { Catalog } from '../../api/catalog';
import { analyzeCell, resolveCell, type CellProblem } from './cell-request';
import { findVariables } from './variable-refs';
import { resolveVariable, type VariableScope } from './variables';

export interface EachSource {
  kind: 'file' | 'variable';
  /** The file name as written (relative to the notebook), or the variable's expression. */
  value: string;
  span: { start: number; end: number };
}

export interface CellDiagnosis {
  problems: CellProblem[];
  /** The `@each` source, for the host to check that the file exists. */
  each?: EachSource;
}

export function diagnoseCell(catalog: Catalog, text: string, scope: VariableScope): CellDiagnosis {
  const analysis = analyzeCell(catalog, text);
  const each = eachSource(analysis.parsed.each);
  const problems = resolveCell(analysis, scope, { lenient: true }).problems.filter(
    // `{{row.…}}` is the point of an @each cell; elsewhere it is a mistake worth a warning.
    (p) => !(p.code === 'rowOutsideRun' && each),
  );
  for (const p of problems) if (p.code === 'rowOutsideRun') p.severity = 'warning';
  if (each?.kind === 'variable') {
    const [ref] = findVariables(analysis.parsed.each!.value);
    const r = ref?.valid ? resolveVariable(scope, ref) : undefined;
    if (r?.found && !Array.isArray(r.value))
      problems.push({ ...each.span, code: 'eachNotList', severity: 'error', args: [each.value] });
    else if (r && !r.found && r.reason === 'unknown')
      problems.push({ ...each.span, code: 'unknownVariable', severity: 'warning', args: [each.value, ref.root] });
  }
  return { problems, ...(each ? { each } : {}) };
}

function eachSource(
  directive: { value: string; valueSpan: { start: number; end: number } } | undefined,
): EachSource | undefined {
  if (!directive) return undefined;
  const variable = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(directive.value);
  return variable
    ? { kind: 'variable', value: variable[1], span: directive.valueSpan }
    : { kind: 'file', value: directive.value, span: directive.valueSpan };
}
