// The one way requests leave the extension: read-only production, confirmation of destructive operations,
// the client's rules (rate limit, no automatic retry of writes), history and a redacted log line. Every caller
// gets back the whole exchange it started, so nothing has to be read from shared state afterwards.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import type { ApiResponse, PreparedRequest, RequestInput } from '../api/client';
import { isAltegioError, type AltegioError } from '../api/errors';
import { apiTexts } from './api-texts';
import type { Auth } from './auth';
import type { ClientCache } from './client-cache';
import { Disposable } from './disposable';
import type { Environment } from './environments';
import { errorSummary } from './error-text';
import type { HistoryEntry, HistoryStore } from './history-store';
import type { AltegioLog } from './log';
import type { Prompter } from './prompter';
import { ReadOnlyError, UserCancelledError } from './refusals';

/** A confirmation that names what will be destroyed (e.g. the card and the location). */
export interface Confirmation {
  message: string;
  detail: string;
  button: string;
}

export interface ExecuteOptions {
  confirmation?: Confirmation;
  /** Replays and tree actions that already asked can skip the generic confirmation. */
  alreadyConfirmed?: boolean;
  /**
   * Send despite these problems with the schema (worded for the user): asks with a modal that lists them, whose
   * default is not to send, and logs the offer and the choice. Destructive confirmation still follows.
   */
  sendAnyway?: string[];
  /**
   * Every write asks first, not only destructive ones, whatever `altegio.confirmDestructiveOperations` says: for
   * requests an assistant composed (the language model tools outside a chat).
   */
  confirmWrites?: boolean;
  source: 'form' | 'palette' | 'tree' | 'history' | 'viewer' | 'tool' | 'notebook';
}

/** One request as it happened: what was asked, what was sent, what came back or went wrong, and when. */
export interface Exchange {
  operation: OperationSpec;
  input: RequestInput;
  environment: Environment;
  /** What was sent, Authorization masked; absent when the request failed before it could be built. */
  request?: PreparedRequest;
  response?: ApiResponse;
  error?: AltegioError;
  /** When the request started (ISO 8601), and how long it took, waiting for the rate limiter included. */
  startedAt: string;
  durationMs: number;
  historyId?: string;
}

export class RequestPipeline extends Disposable {
  private readonly exchanged = this.register(new vscode.EventEmitter<Exchange>());
  /** Fires after every exchange that was attempted (after its history entry is written). */
  readonly onDidExchange = this.exchanged.event;
  private readonly rejected = this.register(new vscode.EventEmitter<AltegioError>());
  /** Fires when Altegio answers 401: the tokens were rejected and the user should sign in again. */
  readonly onDidReceiveUnauthorized = this.rejected.event;

  constructor(
    private readonly auth: Auth,
    private readonly clients: ClientCache,
    private readonly history: HistoryStore,
    private readonly prompter: Prompter,
    private readonly log: AltegioLog,
  ) {
    super();
  }

  /**
   * Sends one request through every safety rule and resolves with its exchange, failed or not. Rejects only
   * when nothing was attempted: production is read-only (ReadOnlyError) or the user declined (UserCancelledError).
   */
  async execute(input: RequestInput, options: ExecuteOptions): Promise<Exchange> {
    await this.auth.whenReady();
    const op = input.operation;
    const environment = this.auth.environment;
    const refused = this.refusal(op);
    if (refused) throw refused;
    if (options.sendAnyway?.length) await this.confirmSendAnyway(input, options.sendAnyway);
    if (!options.alreadyConfirmed) await this.confirmIfDestructive(input, options.confirmation, options.confirmWrites);
    const path = concretePath(op, input);
    const started = Date.now();
    const base = { operation: op, input, environment, startedAt: new Date(started).toISOString() };
    let exchange: Exchange;
    try {
      const response = await this.clients.current().send(input);
      exchange = { ...base, request: response.request, response, durationMs: Date.now() - started };
      this.log.info(
        `${op.method} ${path} → ${response.status} in ${Math.round(response.durationMs)} ms (${response.sizeBytes} B)${response.attempts > 1 ? `, ${response.attempts} attempts` : ''}`,
      );
    } catch (e) {
      if (!isAltegioError(e)) throw e;
      const request = e.request ?? e.response?.request;
      exchange = {
        ...base,
        ...(request ? { request } : {}),
        ...(e.response ? { response: e.response } : {}),
        error: e,
        durationMs: Date.now() - started,
      };
      this.log.warn(`${op.method} ${path} → ${e.status ?? e.kind}: ${e.message}`);
      if (e.kind === 'unauthorized') this.rejected.fire(e);
    }
    if (exchange.error?.kind !== 'cancelled') exchange.historyId = (await this.record(exchange, path)).id;
    this.exchanged.fire(exchange);
    return exchange;
  }

  /** The request as it would be sent, for exports; the exporters mask the Authorization header by default. */
  async prepare(input: RequestInput): Promise<PreparedRequest> {
    await this.auth.whenReady();
    const credentials = this.auth.credentials();
    return this.clients.current().prepare(input, {
      partnerToken: credentials.partnerToken ?? 'PARTNER_TOKEN',
      userToken: credentials.userToken ?? 'USER_TOKEN',
    });
  }

  /** Background reads for trees and lookups: logged and rate-limited, but not history; never a write. */
  async fetch(input: RequestInput): Promise<ApiResponse> {
    await this.auth.whenReady();
    const op = input.operation;
    if (!op.readOnly) throw new Error(`fetch() only reads; ${op.id} writes`);
    const path = concretePath(op, input);
    try {
      const response = await this.clients.current().send(input);
      this.log.info(
        `${op.method} ${path} → ${response.status} in ${Math.round(response.durationMs)} ms (${response.sizeBytes} B)`,
      );
      return response;
    } catch (e) {
      if (isAltegioError(e)) {
        this.log.warn(`${op.method} ${path} → ${e.status ?? e.kind}: ${e.message}`);
        if (e.kind === 'unauthorized') this.rejected.fire(e);
      }
      throw e;
    }
  }

  /** Why the current environment refuses to send this operation at all (read-only production), if it does. */
  refusal(op: OperationSpec): ReadOnlyError | undefined {
    return this.auth.environment.readOnly && !op.readOnly ? new ReadOnlyError(op) : undefined;
  }

  /**
   * Asks before a destructive operation (unless `altegio.confirmDestructiveOperations` is off), or before any write
   * when `everyWrite` is set, and throws UserCancelledError when declined. Read-only production is checked first,
   * so nothing is asked in vain.
   */
  async confirmIfDestructive(input: RequestInput, confirmation?: Confirmation, everyWrite = false): Promise<void> {
    const op = input.operation;
    const env = this.auth.environment;
    const refused = this.refusal(op);
    if (refused) throw refused;
    const ask = everyWrite
      ? !op.readOnly
      : op.destructive &&
        vscode.workspace.getConfiguration('altegio').get<boolean>('confirmDestructiveOperations', true);
    if (!ask) return;
    const c = confirmation ?? {
      message: vscode.l10n.t('Send {0} {1}?', op.method, apiTexts().summary(op)),
      detail: vscode.l10n.t(
        '{0} {1}\nEnvironment: {2}\nThis operation changes or removes data and cannot be undone from here.',
        op.method,
        concretePath(op, input),
        env.label,
      ),
      button: op.method === 'DELETE' ? vscode.l10n.t('Delete') : vscode.l10n.t('Send'),
    };
    if (!(await this.prompter.confirm(c.message, c.detail, c.button))) throw new UserCancelledError();
  }

  /** The Send Anyway modal: lists the problems, the default is to go back; the offer and the choice are logged. */
  private async confirmSendAnyway(input: RequestInput, problems: string[]): Promise<void> {
    const op = input.operation;
    const path = concretePath(op, input);
    this.log.info(
      `Send Anyway offered for ${op.method} ${path} (${op.id}) with ${problems.length} schema problem(s): ${problems.join('; ')}`,
    );
    const chosen = await this.prompter.confirmRisk(
      vscode.l10n.t('Send {0} {1} anyway?', op.method, path),
      vscode.l10n.t(
        'These values break the rules of the API documentation:\n{0}\n\nAltegio may refuse the request or read the values differently. The documentation can be wrong, so you may send the request as it is.\nEnvironment: {1}',
        problems.map((p) => `• ${p}`).join('\n'),
        this.auth.environment.label,
      ),
      vscode.l10n.t('Review the Form'),
      vscode.l10n.t('Send Anyway'),
    );
    this.log.info(`Send Anyway ${chosen ? 'chosen' : 'declined'} for ${op.method} ${path} (${op.id})`);
    if (!chosen) throw new UserCancelledError();
  }

  private async record(exchange: Exchange, path: string): Promise<HistoryEntry> {
    const { operation: op, input, response, error } = exchange;
    return this.history.add(
      {
        environment: exchange.environment.id,
        operationId: op.id,
        method: op.method,
        path,
        pathParams: input.pathParams ?? {},
        query: input.query ?? {},
        body: input.body,
        status: response?.status ?? error?.status,
        durationMs: response?.durationMs,
        sizeBytes: response?.sizeBytes,
        errorKind: error?.kind,
        // Worded now, in the user's language: the History shows it as it was.
        ...(error ? { errorMessage: errorSummary(error) } : {}),
      },
      response
        ? {
            status: response.status,
            headers: response.headers,
            body: response.body,
            durationMs: response.durationMs,
            sizeBytes: response.sizeBytes,
          }
        : undefined,
    );
  }
}

/** The path with its parameters filled in, for logs, history and confirmations. */
export function concretePath(op: OperationSpec, input: Pick<RequestInput, 'pathParams'>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = input.pathParams?.[name];
    return v === undefined || v === '' ? `{${name}}` : encodeURIComponent(String(v));
  });
}
