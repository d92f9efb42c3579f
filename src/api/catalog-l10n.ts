// The Russian catalogue of the API: section names, operation summaries and field descriptions in Russian,
// kept beside the OpenAPI document (openapi/altegio-b2b-v1.l10n.ru.json) and read on first use. Each entry
// says where it comes from: the official Russian API Blueprint, adapted from it, or translated by us.
import * as fs from 'fs';
import * as path from 'path';
import type { Catalog } from './catalog';
import { documentedFields } from './catalog-fields';

export type TranslationSource = 'blueprint' | 'adapted' | 'translated';
export const TRANSLATION_SOURCES: readonly TranslationSource[] = ['blueprint', 'adapted', 'translated'];

export interface SectionTranslation {
  name: string;
  nameSource: TranslationSource;
  description: string;
}

export interface OperationTranslation {
  summary: string;
  summarySource: TranslationSource;
  /** Field descriptions taken from the blueprint, by field key (see catalog-fields.ts). */
  fieldsFromBlueprint?: Record<string, string>;
  /** Field descriptions we translated from the English document. */
  fieldsTranslated?: Record<string, string>;
}

export interface CatalogueFile {
  language: string;
  sources: Record<TranslationSource, string>;
  sections: Record<string, SectionTranslation>;
  operations: Record<string, OperationTranslation>;
}

/** What the document needs and the catalogue lacks, and what the catalogue has that the document no longer does. */
export interface CatalogueGaps {
  missing: string[];
  stale: string[];
}

export const DEFAULT_RUSSIAN_CATALOGUE_PATH = path.join(__dirname, 'openapi', 'altegio-b2b-v1.l10n.ru.json');

export class CatalogueTranslation {
  constructor(readonly file: CatalogueFile) {}

  get language(): string {
    return this.file.language;
  }

  sectionName(section: string): string | undefined {
    return this.file.sections[section]?.name;
  }

  sectionDescription(section: string): string | undefined {
    return this.file.sections[section]?.description;
  }

  summary(operationId: string): string | undefined {
    return this.file.operations[operationId]?.summary;
  }

  /** The description of a field by its key (`fieldKey('body', 'client.phone')`). */
  field(operationId: string, key: string): string | undefined {
    const op = this.file.operations[operationId];
    return op?.fieldsFromBlueprint?.[key] ?? op?.fieldsTranslated?.[key];
  }

  /**
   * Compares the catalogue with a catalog: every section, operation and documented field needs an entry,
   * and an entry for something the document no longer has is stale. Keys read `section:Clients`,
   * `operation:get_client`, `field:get_client path:location_id`.
   */
  gaps(catalog: Catalog): CatalogueGaps {
    const needed = new Set<string>();
    for (const s of catalog.sections) needed.add(`section:${s.name}`);
    for (const op of catalog.operations) {
      needed.add(`operation:${op.id}`);
      for (const f of documentedFields(op)) needed.add(`field:${op.id} ${f.key}`);
    }
    const present = new Set<string>();
    for (const [name, s] of Object.entries(this.file.sections))
      if (s.name && s.description) present.add(`section:${name}`);
    for (const [id, op] of Object.entries(this.file.operations)) {
      if (op.summary) present.add(`operation:${id}`);
      for (const key of [...Object.keys(op.fieldsFromBlueprint ?? {}), ...Object.keys(op.fieldsTranslated ?? {})])
        present.add(`field:${id} ${key}`);
    }
    return {
      missing: [...needed].filter((k) => !present.has(k)),
      stale: [...present].filter((k) => !needed.has(k)),
    };
  }
}

let cached: CatalogueTranslation | undefined;

/** The Russian catalogue bundled beside the OpenAPI document, read on first use. */
export function getRussianCatalogue(): CatalogueTranslation {
  cached ??= loadRussianCatalogue();
  return cached;
}

export function loadRussianCatalogue(file = DEFAULT_RUSSIAN_CATALOGUE_PATH): CatalogueTranslation {
  return new CatalogueTranslation(JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogueFile);
}
