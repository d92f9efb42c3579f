// The locations and chains the current tokens see, read once and kept until the session or a location
// changes: Select Location, the forms' location and chain dropdowns, the only-choice prefill and the chain
// of a typed location_id all read it. With a user token the chains carry their locations; with a partner
// token only, the locations carry their chain.
import * as vscode from 'vscode';
import { isRecord } from '../api/is-record';
import { DIRECTORY_OPERATIONS } from '../api/lookups';
import type { Auth } from './auth';
import type { CatalogSource } from './catalog-source';
import { Disposable } from './disposable';
import type { SelectedLocation } from './location-store';
import type { RequestPipeline } from './request-pipeline';

/** A location the tokens see, with its chain when known (the shape Select Location stores). */
export type KnownLocation = SelectedLocation;

export interface KnownChain {
  chainId: number;
  chainTitle: string;
}

export interface Directory {
  locations: KnownLocation[];
  chains: KnownChain[];
}

/** Sections whose writes can add, rename or remove locations and chains. */
const STALE_AFTER_SECTIONS = new Set(['Locations', 'Chain Management']);

export class BusinessDirectory extends Disposable {
  private loaded: { key: string; directory: Promise<Directory> } | undefined;

  constructor(
    private readonly auth: Pick<Auth, 'environment' | 'hasUserToken' | 'whenReady' | 'onDidChange'>,
    private readonly pipeline: Pick<RequestPipeline, 'fetch' | 'onDidExchange'>,
    private readonly catalog: CatalogSource,
  ) {
    super();
    this.register(auth.onDidChange(() => this.forget()));
    this.register(
      pipeline.onDidExchange((e) => {
        if (!e.operation.readOnly && STALE_AFTER_SECTIONS.has(e.operation.section)) this.forget();
      }),
    );
  }

  /** Drops what was read; the next question reads again. */
  forget(): void {
    this.loaded = undefined;
  }

  /** The locations and chains, read at most once per session (a failed read is tried again next time). */
  async read(signal?: AbortSignal): Promise<Directory> {
    await this.auth.whenReady();
    const key = `${this.auth.environment.secretKey}|${this.auth.hasUserToken ? 'user' : 'partner'}`;
    if (this.loaded?.key !== key) {
      const directory = this.fetch(signal);
      const entry = { key, directory };
      this.loaded = entry;
      directory.catch(() => {
        if (this.loaded === entry) this.loaded = undefined;
      });
    }
    return this.loaded.directory;
  }

  async locations(signal?: AbortSignal): Promise<KnownLocation[]> {
    return (await this.read(signal)).locations;
  }

  async chains(): Promise<KnownChain[]> {
    return (await this.read()).chains;
  }

  /** The chain of a location, when the tokens see the location and its chain. */
  async chainOf(locationId: number): Promise<number | undefined> {
    return (await this.read()).locations.find((l) => l.locationId === locationId)?.chainId;
  }

  private async fetch(signal?: AbortSignal): Promise<Directory> {
    const catalog = this.catalog();
    const locations: KnownLocation[] = [];
    const chains = new Map<number, KnownChain>();
    if (this.auth.hasUserToken) {
      const answer = await this.pipeline.fetch({
        operation: catalog.requireOperation(DIRECTORY_OPERATIONS.chains),
        ...(signal ? { signal } : {}),
      });
      for (const chain of asRows(answer.data)) {
        const chainId = Number(chain.id);
        if (!Number.isSafeInteger(chainId)) continue;
        const chainTitle = String(chain.title ?? chainId);
        chains.set(chainId, { chainId, chainTitle });
        for (const c of asRows(chain.companies))
          locations.push({ locationId: Number(c.id), locationTitle: String(c.title ?? c.id), chainId, chainTitle });
      }
    }
    if (locations.length === 0) {
      const answer = await this.pipeline.fetch({
        operation: catalog.requireOperation(DIRECTORY_OPERATIONS.locations),
        query: this.auth.hasUserToken ? { my: 1 } : {},
        ...(signal ? { signal } : {}),
      });
      for (const c of asRows(answer.data)) {
        const group = asRows(c.groups)[0];
        const chainId = Number(c.main_group_id ?? group?.id);
        const known = Number.isSafeInteger(chainId) && chainId > 0;
        const chainTitle = known ? (chains.get(chainId)?.chainTitle ?? stringOr(group?.title)) : undefined;
        if (known && !chains.has(chainId)) chains.set(chainId, { chainId, chainTitle: chainTitle ?? `#${chainId}` });
        locations.push({
          locationId: Number(c.id),
          locationTitle: String(c.title ?? c.id),
          ...(known ? { chainId } : {}),
          ...(chainTitle ? { chainTitle } : {}),
        });
      }
    }
    return { locations: locations.filter((l) => Number.isSafeInteger(l.locationId)), chains: [...chains.values()] };
  }
}

function asRows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** How a location reads in a quick pick or a dropdown: its title, its id, its chain. */
export function locationDescription(l: KnownLocation): string {
  return l.chainTitle ? vscode.l10n.t('#{0} · {1}', l.locationId, l.chainTitle) : `#${l.locationId}`;
}
