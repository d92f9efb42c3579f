// The answer for every operation the sandbox keeps no state for: the OpenAPI document's own success example,
// with its documented status. The contract tests hold these examples to the operation's response schema.
import type { Handler } from './context';

export const exampleHandler: Handler = (ctx) => {
  const { status, example } = ctx.op.success;
  if (status === 204) return { status };
  // A copy, so that nothing downstream can change the catalog's example object.
  return { status, body: example === undefined ? { success: true, data: null, meta: [] } : structuredClone(example) };
};
