// altegio_call: runs one operation through the request pipeline, like a form's Send. The input is validated first
// (problems go back to the model as text it can fix); reads run at once; every write is confirmed by the user —
// in the chat through prepareInvocation, by our own modal when no chat is involved or the chat was shown another
// request, and by our modal as well for a destructive one (see core/chat-approvals.ts) — and the pipeline adds its
// rules (read-only production, the rate limiter, history, the redacted log). Answers are cut down for the model.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import type { RequestInput } from '../api/client';
import { isRecord } from '../api/is-record';
import { isSensitiveKey } from '../api/sensitive';
import { validation } from '../api/lazy-validation';
import type { FieldError } from '../api/validation';
import { ReadOnlyError, UserCancelledError } from '../services/refusals';
import { concretePath, type Exchange, type ExecuteOptions } from '../services/request-pipeline';
import { localiseFieldError } from '../webviews/form/validation-text';
import { unknownOperation } from './describe-operation-tool';
import { describeExchange } from './call-result';
import { ChatApprovals, mustAskOurselves, writeKey } from './core/chat-approvals';
import { confirmationOf, modalConfirmation } from './call-confirmation';
import type { LocationNames } from './location-names';
import { inputRecord, textField } from './tool-input';
import type { AltegioTool, ToolCall, ToolContext } from './tool-types';
import { toolWritesAllowed, toolWritesRefusal } from './write-policy';

/** A call whose input was read and checked: ready for the pipeline, or the reason it is not. */
type Plan =
  | { ok: true; operation: OperationSpec; input: RequestInput }
  | { ok: false; operation?: OperationSpec; problem: string };

export class CallTool implements AltegioTool {
  /** The exchanges of recent calls by history id, so that "open the full answer" shows them in the viewer. */
  private readonly recent = new Map<string, Exchange>();
  /** The writes whose confirmation VS Code was given to show: a chat's approval covers these only. */
  private readonly approvals = new ChatApprovals();

  constructor(
    private readonly s: Pick<
      ToolContext,
      'auth' | 'pipeline' | 'catalog' | 'operationSearch' | 'history' | 'responses' | 'translation'
    >,
    private readonly names: LocationNames,
  ) {}

  async prepare(raw: unknown): Promise<vscode.PreparedToolInvocation | undefined> {
    await this.s.auth.whenReady();
    const plan = this.plan(raw);
    if (!plan.ok) return { invocationMessage: vscode.l10n.t('Checking an Altegio request') };
    const { operation: op, input } = plan;
    const invocationMessage = vscode.l10n.t('Calling {0} {1}', op.method, concretePath(op, input));
    // Nothing is asked for a request that will not be sent anyway; invoke() says why.
    if (op.readOnly || !this.s.auth.signedIn || this.refusal(op)) return { invocationMessage };
    const confirmationMessages = confirmationOf(this.confirmationFacts(input));
    this.approvals.offer(this.approvalKey(input));
    return { invocationMessage, confirmationMessages };
  }

  async invoke(raw: unknown, call: ToolCall): Promise<string[]> {
    await this.s.auth.whenReady();
    const plan = this.plan(raw);
    if (!plan.ok) return [plan.problem];
    const { operation: op, input } = plan;
    // A write that would be refused anyway is refused first: no sign-in is asked for in vain.
    const refused = this.refusal(op);
    if (refused) return [refused];
    if (!this.s.auth.signedIn)
      return [
        vscode.l10n.t(
          'Nothing was sent: the user is not signed in to {0}. Ask them to run "Altegio: Sign In", or "Altegio: Start Local Sandbox".',
          this.s.auth.environment.label,
        ),
      ];

    const options: ExecuteOptions = { source: 'tool' };
    if (!op.readOnly) {
      // In a chat VS Code has shown the confirmation we prepared for this very request, and the user allowed it.
      // Outside a chat, for a request nobody was shown, and for anything destructive, we ask ourselves.
      const offeredInChat = this.approvals.take(this.approvalKey(input));
      if (mustAskOurselves({ inChat: call.inChat, destructive: op.destructive, offeredInChat })) {
        options.confirmWrites = true;
        options.confirmation = modalConfirmation(this.confirmationFacts(input));
      } else options.alreadyConfirmed = true;
    }
    const controller = new AbortController();
    const cancel = call.token.onCancellationRequested(() => controller.abort());
    let exchange: Exchange;
    try {
      exchange = await this.s.pipeline.execute({ ...input, signal: controller.signal }, options);
    } catch (e) {
      if (e instanceof UserCancelledError)
        return [
          vscode.l10n.t(
            'The user declined {0} {1}; nothing was sent. Do not send it again unless the user asks.',
            op.method,
            concretePath(op, input),
          ),
        ];
      if (e instanceof ReadOnlyError) return [e.message];
      throw e;
    } finally {
      cancel.dispose();
    }
    if (exchange.historyId) this.keep(exchange.historyId, exchange);
    return describeExchange(exchange, call.maxChars);
  }

  /** Shows a recent call's full answer in the response viewer, or its stored body when the exchange is gone. */
  async openResult(historyId: unknown): Promise<void> {
    const id = String(historyId ?? '');
    const exchange = this.recent.get(id);
    if (exchange) return this.s.responses.show(exchange);
    const entry = this.s.history.get(id);
    if (entry) {
      await vscode.commands.executeCommand('altegio.history.openResponse', entry);
      return;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('That answer is no longer in the history.'));
  }

  /** The tools' own refusal of a write (writes only in the sandbox), then the pipeline's (read-only production). */
  private refusal(op: OperationSpec): string | undefined {
    if (op.readOnly) return undefined;
    const env = this.s.auth.environment;
    if (!toolWritesAllowed(env)) return toolWritesRefusal(env);
    return this.s.pipeline.refusal(op)?.message;
  }

  /** Why the tools cannot send this operation at all, whatever the input and the environment. */
  private unsendable(op: OperationSpec): string | undefined {
    if (takesCredentials(op))
      return vscode.l10n.t(
        '{0} takes a password or a token, and the tools never handle credentials. Ask the user to sign in with "Altegio: Sign In".',
        op.id,
      );
    if (op.requestBody?.contentType === 'multipart/form-data')
      return vscode.l10n.t(
        '{0} uploads a file, which the tools cannot send. The user can send it from its request form.',
        op.id,
      );
    return undefined;
  }

  private plan(raw: unknown): Plan {
    const id = textField(raw, 'operationId');
    if (!id)
      return {
        ok: false,
        problem: vscode.l10n.t(
          'Give "operationId", as altegio_find_operations returns it, with "pathParams", "query" and "body" as altegio_describe_operation shows.',
        ),
      };
    const op = this.s.catalog().operation(id);
    if (!op) return { ok: false, problem: unknownOperation(id, this.s) };
    const unsendable = this.unsendable(op);
    if (unsendable) return { ok: false, operation: op, problem: unsendable };
    const record = inputRecord(raw);
    const problems: string[] = [];
    const group = (key: 'pathParams' | 'query'): Record<string, unknown> => {
      const v = record[key];
      if (v === undefined || v === null) return {};
      if (isRecord(v)) return v;
      problems.push(vscode.l10n.t('"{0}" must be an object of names and values', key));
      return {};
    };
    const pathValues = group('pathParams');
    const queryValues = group('query');
    for (const [where, values] of [
      ['path', pathValues],
      ['query', queryValues],
    ] as const) {
      const known = op.parameters.filter((p) => p.in === where).map((p) => p.name);
      for (const name of Object.keys(values))
        if (!known.includes(name))
          problems.push(
            known.length
              ? vscode.l10n.t('{0} is not a {1} parameter of {2}; it has: {3}', name, where, op.id, known.join(', '))
              : vscode.l10n.t('{0} is not a {1} parameter of {2}; it has none', name, where, op.id),
          );
    }
    const body = record.body ?? undefined;
    if (body !== undefined && !op.requestBody)
      problems.push(vscode.l10n.t('{0} takes no body; leave "body" out', op.id));
    const coerced = validation().coerceRequest(op, { pathParams: pathValues, query: queryValues, body });
    problems.push(...validation().validateRequest(op, coerced).map(fieldProblem));
    if (problems.length > 0)
      return {
        ok: false,
        operation: op,
        problem: [
          vscode.l10n.t(
            'Nothing was sent: the input does not fit {0} {1} ({2}). Correct these and call again (altegio_describe_operation shows the parameters and the body schema):',
            op.method,
            op.path,
            op.id,
          ),
          ...problems.map((p) => `- ${p}`),
        ].join('\n'),
      };
    return {
      ok: true,
      operation: op,
      input: {
        operation: op,
        pathParams: pathParamsOf(coerced.pathParams ?? {}),
        query: coerced.query ?? {},
        ...(body !== undefined ? { body } : {}),
      },
    };
  }

  private confirmationFacts(input: RequestInput) {
    const op = input.operation;
    const location = input.pathParams?.location_id;
    const chain = input.pathParams?.chain_id;
    return {
      operation: op,
      summary: this.s.translation()?.summary(op.id) ?? op.summary,
      path: concretePath(op, input),
      environment: this.s.auth.environment,
      ...(location !== undefined ? { location: { id: location, title: this.names.location(location) } } : {}),
      ...(chain !== undefined ? { chain: { id: chain, title: this.names.chain(chain) } } : {}),
      body: input.body,
    };
  }

  private approvalKey(input: RequestInput): string {
    const env = this.s.auth.environment;
    return writeKey({
      environmentId: env.id,
      baseUrl: env.baseUrl,
      operationId: input.operation.id,
      pathParams: input.pathParams,
      query: input.query,
      body: input.body,
    });
  }

  private keep(historyId: string, exchange: Exchange): void {
    this.recent.set(historyId, exchange);
    // A handful is enough: older answers are opened from the history.
    for (const key of this.recent.keys()) {
      if (this.recent.size <= 20) break;
      this.recent.delete(key);
    }
  }
}

/** Declared to take a password or a token (signing in): refused, so that no credential passes through a model. */
function takesCredentials(op: OperationSpec): boolean {
  if (op.parameters.some((p) => isSensitiveKey(p.name))) return true;
  const props = op.requestBody?.schema.properties ?? {};
  return Object.keys(props).some(isSensitiveKey);
}

function fieldProblem(e: FieldError): string {
  const where = e.location === 'path' ? 'pathParams' : e.location;
  return `${where}${e.field ? `.${e.field}` : ''}: ${localiseFieldError(e)}`;
}

function pathParamsOf(values: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}
