// The language model tools this extension contributes (package.json `languageModelTools`) and their settings.
// Kept apart from the tools themselves so that registering them at activation loads nothing else.

export const TOOL_NAMES = [
  'altegio_find_operations',
  'altegio_describe_operation',
  'altegio_business_context',
  'altegio_call',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];

/** `altegio.copilot.enabled`: whether the tools are offered and answer at all. */
export const TOOLS_ENABLED_SETTING = 'copilot.enabled';
/** `altegio.copilot.writesOnlyInSandbox`: tools may send writes to the local sandbox only. */
export const WRITES_ONLY_IN_SANDBOX_SETTING = 'copilot.writesOnlyInSandbox';
/** Opens the full answer of a tool's request in the response viewer; its argument is the history id. */
export const OPEN_TOOL_RESULT_COMMAND = 'altegio.copilot.openResult';
