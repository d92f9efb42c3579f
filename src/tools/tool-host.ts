// The language model tools' implementation, loaded on their first call: the four tools, and what every call goes
// through — the on/off setting, the test-mode observer, and a last pass that removes the session's tokens and
// anything token-shaped from every text the model or the user gets.
import * as vscode from 'vscode';
import { redactSecrets } from '../api/redact';
import { failureText } from '../services/error-text';
import { BusinessContextTool } from './business-context-tool';
import { CallTool } from './call-tool';
import { DescribeOperationTool } from './describe-operation-tool';
import { FindOperationsTool } from './find-operations-tool';
import { LocationNames } from './location-names';
import type { ToolName } from './tool-names';
import { displaysRussian } from './tool-input';
import type { AltegioTool, ToolContext, ToolServices } from './tool-types';
import { toolsEnabled } from './write-policy';

export type { ToolServices } from './tool-types';

/** Answers are kept under this many characters unless the caller's token budget asks for fewer. */
const MAX_ANSWER_CHARS = 8000;
const MIN_ANSWER_CHARS = 1500;
/** A rough rule for JSON and prose: a token is about three characters. */
const CHARS_PER_TOKEN = 3;

export class ToolHost implements vscode.Disposable {
  private readonly tools: Record<ToolName, AltegioTool>;
  private readonly call: CallTool;

  private readonly s: ToolContext;

  constructor(services: ToolServices) {
    const s: ToolContext = {
      ...services,
      translation: () => (displaysRussian(vscode.env.language) ? services.russianCatalogue() : undefined),
    };
    this.s = s;
    const names = new LocationNames(s);
    this.call = new CallTool(s, names);
    this.tools = {
      altegio_find_operations: new FindOperationsTool(s),
      altegio_describe_operation: new DescribeOperationTool(s),
      altegio_business_context: new BusinessContextTool(s, names),
      altegio_call: this.call,
    };
  }

  async prepare(
    name: ToolName,
    input: unknown,
    _token: vscode.CancellationToken,
  ): Promise<vscode.PreparedToolInvocation | undefined> {
    let prepared: vscode.PreparedToolInvocation | undefined;
    try {
      prepared = toolsEnabled() ? this.clean(await this.tools[name].prepare(input)) : undefined;
    } catch {
      // invoke() reports the failure; preparing only shapes what VS Code shows meanwhile.
      prepared = undefined;
    }
    this.s.observer?.preparedTool(name, input, prepared);
    return prepared;
  }

  async invoke(
    name: ToolName,
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    let parts: string[];
    if (!toolsEnabled())
      parts = [
        vscode.l10n.t(
          'The Altegio tools are turned off (setting "altegio.copilot.enabled"). Nothing was read or sent.',
        ),
      ];
    else {
      const budget = options.tokenizationOptions?.tokenBudget;
      const maxChars = budget
        ? Math.max(MIN_ANSWER_CHARS, Math.min(MAX_ANSWER_CHARS, budget * CHARS_PER_TOKEN))
        : MAX_ANSWER_CHARS;
      try {
        parts = await this.tools[name].invoke(options.input, {
          inChat: options.toolInvocationToken !== undefined,
          token,
          maxChars,
        });
      } catch (e) {
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        // A thrown error would reach the model unredacted; an answer goes through the same cleaning as any other.
        parts = [vscode.l10n.t('The tool failed: {0}', failureText(e))];
      }
    }
    return new vscode.LanguageModelToolResult(parts.map((p) => new vscode.LanguageModelTextPart(this.redact(p))));
  }

  openResult(historyId: unknown): Promise<void> {
    return this.call.openResult(historyId);
  }

  dispose(): void {}

  /** The session's own tokens, and anything shaped like a credential, removed. */
  private redact(text: string): string {
    const { partnerToken, userToken } = this.s.auth.credentials();
    return redactSecrets(text, [partnerToken, userToken]);
  }

  private clean(prepared: vscode.PreparedToolInvocation | undefined): vscode.PreparedToolInvocation | undefined {
    if (!prepared) return undefined;
    const text = (v: string | vscode.MarkdownString): string | vscode.MarkdownString =>
      typeof v === 'string' ? this.redact(v) : new vscode.MarkdownString(this.redact(v.value));
    return {
      ...(prepared.invocationMessage !== undefined ? { invocationMessage: text(prepared.invocationMessage) } : {}),
      ...(prepared.confirmationMessages
        ? {
            confirmationMessages: {
              title: this.redact(prepared.confirmationMessages.title),
              message: text(prepared.confirmationMessages.message),
            },
          }
        : {}),
    };
  }
}
