// Reads a form's lookup options live: lists through the request pipeline (background reads: rate-limited and
// logged, not history), locations and chains from the business directory. Each list is remembered for a minute
// so that typing elsewhere in the form does not read it again.
import {
  lookupFor,
  lookupOptions,
  lookupReady,
  lookupRequest,
  type LookupContext,
  type LookupSpec,
} from '../../api/lookups';
import type { LookupOptionView } from '../../protocol/form-protocol';
import type { Catalog } from '../../api/catalog';
import type { RequestPipeline } from '../../services/request-pipeline';
import type { BusinessDirectory } from '../../services/business-directory';

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
    private readonly describe: (error: unknown) => string = (e) => (e instanceof Error ? e.message : String(e)),
    /** Where the locations and chains come from; without it those lookups are unavailable. */
    private readonly directory?: Pick<BusinessDirectory, 'read'>,
  ) {}

  /** Forgets every list (the session changed: other tokens may see other lists). */
  clear(): void {
    this.cache.clear();
  }

  /** The options for the lookup of a field name in this context; `force` reads again. Never throws. */
  load(field: string, ctx: LookupContext, force = false): Promise<LookupResult> {
    const spec = lookupFor(field);
    return spec ? this.loadSpec(spec, ctx, force) : Promise.resolve({ status: 'unavailable', options: [] });
  }

  /** The options of one lookup in this context; `force` reads again. Never throws. */
  loadSpec(spec: LookupSpec, ctx: LookupContext, force = false): Promise<LookupResult> {
    if (!lookupReady(spec, ctx)) return Promise.resolve({ status: 'unavailable', options: [] });
    const key = `${spec.key}|${LookupLoader.contextKey(ctx, spec)}|${spec.searchable ? (ctx.term ?? '') : ''}`;
    const hit = this.cache.get(key);
    if (hit && !force && Date.now() - hit.at < TTL_MS) return hit.result;
    const options = this.read(spec, ctx);
    if (!options) return Promise.resolve({ status: 'unavailable', options: [] });
    const result = options.then(
      (list): LookupResult => ({ status: 'ready', options: list.slice(0, MAX_OPTIONS) }),
      (e: unknown): LookupResult => {
        this.cache.delete(key);
        return { status: 'error', options: [], message: this.describe(e) };
      },
    );
    this.cache.set(key, { at: Date.now(), result });
    return result;
  }

  private read(spec: LookupSpec, ctx: LookupContext): Promise<LookupOptionView[]> | undefined {
    if (spec.source !== 'api') {
      const directory = this.directory;
      if (!directory) return undefined;
      return directory.read().then((d) =>
        spec.source === 'locations'
          ? d.locations.map((l) => ({
              value: l.locationId,
              label: l.locationTitle,
              description: [`#${l.locationId}`, l.chainTitle].filter(Boolean).join(' · '),
            }))
          : d.chains.map((c) => ({ value: c.chainId, label: c.chainTitle, description: `#${c.chainId}` })),
      );
    }
    const request = lookupRequest(this.catalog(), spec, ctx);
    if (!request) return undefined;
    return this.pipeline.fetch(request).then((response) =>
      lookupOptions(spec, response.data).map((o) => ({
        value: o.value,
        label: o.label || String(o.value),
        ...(o.description ? { description: o.description } : {}),
      })),
    );
  }

  /**
   * What of the context a lookup's list depends on, to tell when its options must be read again: the card types
   * of a chain stay when another location of the same chain is chosen.
   */
  static contextKey(ctx: LookupContext, spec: Pick<LookupSpec, 'needs'>): string {
    if (spec.needs === 'chain') return `chain:${ctx.chainId ?? ''}`;
    if (spec.needs === 'location') return `location:${ctx.locationId ?? ''}`;
    return '';
  }
}
