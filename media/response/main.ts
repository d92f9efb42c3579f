// The response viewer app: registers the components it uses and connects to the host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type {
  ResponseHostMessage,
  ResponseWebviewMessage,
  ResponseWebviewState,
} from '../../src/protocol/response-protocol';
import { warmFormatters } from '../shared/format';
import { HostChannel } from '../shared/host-channel';
import './code-block';
import './data-table';
import './error-panel';
import './json-tree';
import { ResponseApp } from './response-app';
import './response-header';

const app = new ResponseApp();
document.querySelector('main')!.append(app);
app.connect(new HostChannel<ResponseHostMessage, ResponseWebviewMessage, ResponseWebviewState>());
warmFormatters();
