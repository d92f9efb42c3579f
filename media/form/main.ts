// The request form app: registers the components it uses and connects to the host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FormHostMessage, FormWebviewMessage, FormWebviewState } from '../../src/protocol/form-protocol';
import { HostChannel } from '../shared/host-channel';
import './array-field';
import './field-view';
import { FormApp } from './form-app';
import './json-editor';
import './lookup-input';
import './result-card';

const app = new FormApp();
document.querySelector('main')!.append(app);
app.connect(new HostChannel<FormHostMessage, FormWebviewMessage, FormWebviewState>());
