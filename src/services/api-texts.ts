// The API's words (sections, summaries, field descriptions) in VS Code's display language, like vscode.l10n.t for
// the extension's own strings: the Russian catalogue of the API when the UI is Russian, else the document's English.
import * as vscode from 'vscode';
import { catalogTextsFor, type CatalogTexts } from '../api/catalog-texts';

let texts: { language: string; texts: CatalogTexts } | undefined;

export function apiTexts(): CatalogTexts {
  const language = vscode.env.language;
  if (texts?.language !== language) texts = { language, texts: catalogTextsFor(language) };
  return texts.texts;
}
