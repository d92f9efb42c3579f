// Runs an operation through quick-input prompts, one per required parameter or body field: the keyboard
// path for quick requests. Lookups offer live choices; every value is validated before anything is sent.
import * as vscode from 'vscode';
import type { JsonSchema, OperationSpec } from '../api/catalog';
import { lookupFor, lookupOptions, lookupRequest } from '../api/lookups';
import { validateRequest } from '../api/validation';
import type { OperationLauncher, Prefill, Services } from './services';

type Values = Record<string, unknown>;

export class PromptLauncher implements OperationLauncher {
  constructor(private readonly s: Services) {}

  async open(op: OperationSpec, prefill: Prefill = {}): Promise<void> {
    await this.s.session.whenReady();
    const location = this.s.session.location;
    const pathParams: Values = { ...defaultsFromLocation(op, location), ...prefill.pathParams };
    const query: Values = { ...prefill.query };
    const body: Values = { ...(prefill.body ?? {}) };
    for (const p of op.parameters) {
      const target = p.in === 'path' ? pathParams : query;
      if (target[p.name] !== undefined || !p.required) continue;
      const value = await this.ask(op, p.name, p.schema, p.description, p.example, { ...pathParams }, prefill.context);
      if (value === undefined) return;
      target[p.name] = value;
    }
    const schema = op.requestBody?.schema;
    if (schema?.properties) {
      const required = new Set(schema.required ?? []);
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (body[name] !== undefined || !required.has(name)) continue;
        const value = await this.ask(op, name, prop, prop.description ?? '', prop.examples?.[0], pathParams, prefill.context);
        if (value === undefined) return;
        body[name] = value;
      }
    }
    const input = { operation: op, pathParams: pathParams as Record<string, string | number>, query, body: op.requestBody ? body : undefined };
    const errors = validateRequest(op, input);
    if (errors.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not sent. Fix: {0}', errors.map((e) => `${e.field}: ${e.message}`).join('; ')));
      return;
    }
    const exchange = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} {1}…', op.method, op.path), cancellable: true },
      async (_p, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        try {
          await this.s.session.execute({ ...input, signal: controller.signal }, { source: 'palette' });
        } catch (e) {
          if (this.s.session.lastExchange?.response) return this.s.session.lastExchange;
          throw e;
        }
        return this.s.session.lastExchange;
      });
    if (exchange) await this.s.responses.show(exchange);
  }

  private async ask(op: OperationSpec, name: string, schema: JsonSchema, description: string, example: unknown, context: Values, extra: Prefill['context'] = {}): Promise<unknown> {
    const title = `${op.method} ${op.summary}`;
    const lookup = lookupFor(name);
    const location = this.s.session.location;
    if (lookup) {
      const request = lookupRequest(lookup, {
        locationId: Number(context.location_id ?? extra.locationId ?? location?.locationId) || undefined,
        chainId: Number(context.chain_id ?? extra.chainId ?? location?.chainId) || undefined,
      });
      if (request) {
        try {
          const response = await this.s.session.fetch(request);
          const options = lookupOptions(lookup, response.data);
          if (options.length) {
            return await this.s.prompter.pick(options.map((o) => ({ label: o.label, description: o.description, value: o.value })), { title, placeHolder: `${name} — ${description}`, matchOnDescription: true });
          }
        } catch (e) {
          this.s.log.warn(`lookup for ${name} failed: ${(e as Error).message}`);
        }
      }
    }
    if (Array.isArray(schema.enum)) {
      return this.s.prompter.pick(schema.enum.map((v) => ({ label: String(v), value: v })), { title, placeHolder: `${name} — ${description}` });
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'boolean') {
      return this.s.prompter.pick([{ label: 'true', value: true }, { label: 'false', value: false }], { title, placeHolder: `${name} — ${description}` });
    }
    const raw = await this.s.prompter.input({
      title,
      prompt: `${name}${description ? ` — ${description}` : ''}`,
      placeHolder: example !== undefined ? (typeof example === 'string' ? example : JSON.stringify(example)) : undefined,
      validate: (v) => validateValue(op, name, parseValue(v, type)),
    });
    return raw === undefined ? undefined : parseValue(raw, type);
  }
}

function parseValue(raw: string, type: string | undefined): unknown {
  const v = raw.trim();
  if (type === 'integer' || type === 'number') return v === '' || Number.isNaN(Number(v)) ? v : Number(v);
  if (type === 'array' || type === 'object') {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function validateValue(op: OperationSpec, name: string, value: unknown): string | undefined {
  if (value === '') return vscode.l10n.t('{0} is required', name);
  const inPath = op.parameters.find((p) => p.name === name);
  const input = inPath ? { [inPath.in === 'path' ? 'pathParams' : 'query']: { [name]: value } } : { body: { [name]: value } };
  const errors = validateRequest(op, input as never).filter((e) => e.field === name || e.field.startsWith(`${name}.`) || e.field.startsWith(`${name}[`));
  return errors[0]?.message;
}

function defaultsFromLocation(op: OperationSpec, location: { locationId: number; chainId?: number } | undefined): Values {
  const out: Values = {};
  if (!location) return out;
  for (const p of op.parameters) {
    if (p.in !== 'path') continue;
    if (p.name === 'location_id') out.location_id = location.locationId;
    if (p.name === 'chain_id' && location.chainId) out.chain_id = location.chainId;
  }
  return out;
}
