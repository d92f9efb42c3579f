// How an HTTP method looks in trees: a codicon tinted by the method, like the docs' colour code.
import * as vscode from 'vscode';
import type { HttpMethod } from '../api/catalog';

const COLOURS: Record<HttpMethod, string> = {
  GET: 'charts.blue',
  POST: 'charts.green',
  PUT: 'charts.orange',
  PATCH: 'charts.yellow',
  DELETE: 'charts.red',
};

export function methodIcon(method: HttpMethod, deprecated = false): vscode.ThemeIcon {
  return new vscode.ThemeIcon(deprecated ? 'circle-slash' : 'symbol-method', new vscode.ThemeColor(COLOURS[method]));
}
