// Files chosen for multipart uploads. The webview only ever holds an opaque token: a path typed or forged
// in the webview can never make the host read a file the user did not pick in the host's own dialog.
import * as path from 'path';
import * as vscode from 'vscode';
import type { FileUpload } from '../../api/multipart';
import { units } from '../../services/units';

const TOKEN_PREFIX = 'altegio-file:';
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export class FilePicks {
  private readonly picked = new Map<string, vscode.Uri>();
  private counter = 0;

  /** Asks the user for a file; returns its token and a label, or undefined when none was chosen. */
  async choose(title: string): Promise<{ token: string; label: string } | undefined> {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: title, title })) ?? [];
    if (!uri) return undefined;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_UPLOAD_BYTES)
      throw new Error(
        vscode.l10n.t('{0} is larger than {1}.', path.basename(uri.fsPath), units().size(MAX_UPLOAD_BYTES)),
      );
    const token = `${TOKEN_PREFIX}${++this.counter}`;
    this.picked.set(token, uri);
    return { token, label: `${path.basename(uri.fsPath)} (${units().size(stat.size)})` };
  }

  /** The body with every file token replaced by the file it stands for. Unknown tokens stay text. */
  async resolve(body: unknown): Promise<unknown> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const uri = typeof v === 'string' ? this.picked.get(v) : undefined;
      if (!uri) {
        out[k] = v;
        continue;
      }
      const upload: FileUpload = {
        filename: path.basename(uri.fsPath),
        content: await vscode.workspace.fs.readFile(uri),
        contentType: CONTENT_TYPES[path.extname(uri.fsPath).toLowerCase()] ?? 'application/octet-stream',
      };
      out[k] = upload;
    }
    return out;
  }

  isToken(value: unknown): boolean {
    return typeof value === 'string' && this.picked.has(value);
  }
}
