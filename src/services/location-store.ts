// The default location (and its chain) per environment: it prefills `location_id` / `chain_id` in forms
// and roots the Business tree. Ids and titles are not secret, so globalState holds them.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { EnvironmentService } from './environments';

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

  constructor(
    private readonly state: vscode.Memento,
    private readonly environments: EnvironmentService,
  ) {
    super();
  }

  /** The location selected in the current environment. */
  get current(): SelectedLocation | undefined {
    return this.state.get<SelectedLocation>(PREFIX + this.environments.current().secretKey);
  }

  async select(location: SelectedLocation | undefined): Promise<void> {
    await this.state.update(PREFIX + this.environments.current().secretKey, location);
    this.changed.fire();
  }
}
