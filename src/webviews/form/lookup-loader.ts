// Reads a form's lookup options live through the request pipeline (background reads: rate-limited and logged, not
// history), remembering each list for a minute so that typing elsewhere in the form does not re-read it.
import { lookupFor, lookupOptions, lookupRequest, type LookupContext } from '../../api/lookups';
import type { LookupOptionView } from '../../protocol/form-protocol';
import type { Catalog } from '../../api/catalog';
import type { RequestPipeline } from '../../services/request-pipeline';

const TTL_MS = 60_000;
const MAX_OPTIONS = 1000;

export type LookupResult =
  | { status: 'ready'; options: LookupOptionView[] }
  | { status: 'unavailable'; options: [] }
  | { status: 'error'; options: []; message: string };

export class LookupLoader {
  private readonly cache = new Map<string, { at: number; result: Promise<LookupResult> }>();

  constructor(
    private readonly pipeline: Pick<RequestPipeline, 'fetch'>,
    private readonly catalog: () => Catalog,
    /** Words a failure for the form (the host passes its localised wording). */
    private readonly describe: (error: unknown) => string,
  ) {}

  /** The options for `field` in this context; `force` reads again. Never throws. */
  load(field: string, ctx: LookupContext, force = false): Promise<LookupResult> {
    const spec = lookupFor(field);
    if (!spec) return Promise.resolve({ status: 'unavailable', options: [] });
    const request = lookupRequest(this.catalog(), spec, ctx);
    if (!request) return Promise.resolve({ status: 'unavailable', options: [] });
    const key = `${spec.operationId}|${ctx.locationId ?? ''}|${ctx.chainId ?? ''}|${spec.searchable ? (ctx.term ?? '') : ''}`;
    const hit = this.cache.get(key);
    if (hit && !force && Date.now() - hit.at < TTL_MS) return hit.result;
    const result = this.pipeline.fetch(request).then(
      (response): LookupResult => ({
        status: 'ready',
        options: lookupOptions(spec, response.data)
          .slice(0, MAX_OPTIONS)
          .map((o) => ({
            value: o.value,
            label: o.label || String(o.value),
            ...(o.description ? { description: o.description } : {}),
          })),
      }),
      (e: unknown): LookupResult => {
        this.cache.delete(key);
        return { status: 'error', options: [], message: this.describe(e) };
      },
    );
    this.cache.set(key, { at: Date.now(), result });
    return result;
  }

  /** The cache key of a lookup's context, to tell when a field's options must be read again. */
  static contextKey(ctx: LookupContext): string {
    return `${ctx.locationId ?? ''}|${ctx.chainId ?? ''}`;
  }
}
