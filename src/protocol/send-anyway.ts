// When a form may be sent despite its problems ("Send Anyway"): our document can be wrong about the real server,
// so problems with the schema (a type, a format, a pattern, a missing body field) can be overridden — but not a
// missing path parameter, without which there is no URL to send to. Shared by the form app and the host, which
// checks again whatever the app asks.
import type { FieldIssue } from './form-protocol';

/** The problems Send Anyway would override, or undefined when it cannot be offered (none, or one that blocks). */
export function sendAnywayProblems(issues: readonly FieldIssue[]): FieldIssue[] | undefined {
  const schema = issues.filter((i) => i.source === 'schema');
  if (schema.length === 0) return undefined;
  return schema.some((i) => i.missing && i.key.startsWith('path:')) ? undefined : schema;
}
