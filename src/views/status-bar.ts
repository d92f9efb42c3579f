// The status bar entry: environment, user and location. Production stands out; a click switches environment.
import * as vscode from 'vscode';
import { Disposable } from '../services/disposable';
import type { Auth } from '../services/auth';
import type { LocationStore } from '../services/location-store';

export class AltegioStatusBar extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('altegio.status', vscode.StatusBarAlignment.Left, 50),
  );

  constructor(
    private readonly auth: Pick<Auth, 'environment' | 'signedIn' | 'profile' | 'onDidChange'>,
    private readonly locations: Pick<LocationStore, 'current' | 'onDidChange'>,
  ) {
    super();
    this.item.name = vscode.l10n.t('Altegio');
    this.item.command = 'altegio.selectEnvironment';
    this.register(auth.onDidChange(() => this.update()));
    this.register(locations.onDidChange(() => this.update()));
    this.update();
    this.item.show();
  }

  update(): void {
    const env = this.auth.environment;
    const location = this.locations.current;
    const user = this.auth.signedIn
      ? (this.auth.profile?.userName ?? vscode.l10n.t('signed in'))
      : vscode.l10n.t('signed out');
    const parts = [env.label, user, location?.locationTitle].filter(Boolean);
    this.item.text = `${env.isProduction ? '$(warning) ' : '$(cloud) '}${parts.join(' · ')}`;
    this.item.backgroundColor = env.isProduction ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(
      `**Altegio** — ${env.label}${env.isProduction ? ` ($(warning) ${vscode.l10n.t('production data')})` : ''}\n\n`,
    );
    md.appendText(
      `${env.baseUrl}\n${vscode.l10n.t('User')}: ${user}\n${vscode.l10n.t('Location')}: ${location ? `${location.locationTitle} (#${location.locationId})` : vscode.l10n.t('none selected')}`,
    );
    if (env.readOnly)
      md.appendMarkdown(`\n\n$(lock) ${vscode.l10n.t('Read-only: requests that change data are blocked')}`);
    md.appendMarkdown(`\n\n${vscode.l10n.t('Click to select the environment')}`);
    this.item.tooltip = md;
    this.item.accessibilityInformation = {
      label: `Altegio: ${parts.join(', ')}${env.isProduction ? `, ${vscode.l10n.t('production data')}` : ''}`,
    };
  }
}
