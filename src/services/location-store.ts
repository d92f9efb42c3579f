// The default location (and its chain) per environment: it prefills `location_id` / `chain_id` in forms
// and roots the Business tree. Ids and titles are not secret, so globalState holds them.
import * as vscode from 'vscode';
import { Disposable } from './disposable';

export interface SelectedLocation {
  locationId: number;
  locationTitle: string;
  chainId?: number;
  chainTitle?: string;
}

const PREFIX = 'altegio.location.';

export class LocationStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  get(secretKey: string): SelectedLocation | undefined {
    return this.state.get<SelectedLocation>(PREFIX + secretKey);
  }

  async set(secretKey: string, location: SelectedLocation | undefined): Promise<void> {
    await this.state.update(PREFIX + secretKey, location);
    this.changed.fire();
  }
}
