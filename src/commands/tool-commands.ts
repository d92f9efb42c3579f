// Commands of the language model tools: open the full answer of a tool's request (the link in its result).
import type { Tools } from '../tools/tools';
import { OPEN_TOOL_RESULT_COMMAND } from '../tools/tool-names';
import type { CommandRegistry } from './command-registry';

export function registerToolCommands(registry: CommandRegistry, s: { tools: Pick<Tools, 'openResult'> }): void {
  registry.register(OPEN_TOOL_RESULT_COMMAND, (historyId: unknown) => s.tools.openResult(historyId));
}
