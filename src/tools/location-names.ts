// The names of the locations and chains the tools have seen, per environment, so that a confirmation can say
// "Bloom Beauty - Manhattan (#720441)" without a request of its own (preparing a call must have no side effects).
import type { SelectedLocation } from '../services/location-store';
import type { ToolServices } from './tool-types';

export class LocationNames {
  private readonly seen = new Map<string, SelectedLocation[]>();

  constructor(private readonly s: Pick<ToolServices, 'auth' | 'locations'>) {}

  /** What the latest look-up of the visible locations found in the current environment. */
  remember(list: SelectedLocation[]): void {
    this.seen.set(this.s.auth.environment.secretKey, list);
  }

  location(id: unknown): string | undefined {
    const n = Number(id);
    return this.known().find((l) => l.locationId === n)?.locationTitle;
  }

  chain(id: unknown): string | undefined {
    const n = Number(id);
    return this.known().find((l) => l.chainId === n)?.chainTitle;
  }

  private known(): SelectedLocation[] {
    const current = this.s.locations.current;
    return [...(current ? [current] : []), ...(this.seen.get(this.s.auth.environment.secretKey) ?? [])];
  }
}
