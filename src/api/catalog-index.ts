// The compact catalog the API tree, the palette and the filter read: sections, operation ids, methods, paths,
// summaries and flags, precomputed from the OpenAPI document at build time (dist/openapi/catalog-index.json), so their
// first use reads a small file instead of parsing and resolving the whole document. Schemas stay in the full catalog,
// loaded when a form, validation or a request needs them.
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_DOCUMENT_PATH, type HttpMethod, type OperationSummary } from './catalog';
import { searchOperations, searchTextOf } from './operation-search';

export const CATALOG_INDEX_VERSION = 1;
export const CATALOG_INDEX_FILE = 'catalog-index.json';
/** Beside the document: dist/openapi/ in the bundle; src/api/openapi/ (where none is written) from source. */
export const DEFAULT_INDEX_PATH = path.join(path.dirname(DEFAULT_DOCUMENT_PATH), CATALOG_INDEX_FILE);

export enum OperationFlag {
  Deprecated = 1,
  Destructive = 2,
  ReadOnly = 4,
  /** Security BearerPartner (else BearerPartnerUser). */
  PartnerOnly = 8,
}

/** An operation on disk: [id, method, path, summary, flags, docsUrl?] — arrays, not objects, to keep the file small. */
export type PackedOperation =
  [string, HttpMethod, string, string, number] | [string, HttpMethod, string, string, number, string];

export interface PackedCatalogIndex {
  version: typeof CATALOG_INDEX_VERSION;
  /** SHA-256 of the compact JSON of the document the index was built from. */
  documentSha256: string;
  sections: { name: string; description: string; icon: string; operations: PackedOperation[] }[];
}

export interface SectionSummary {
  name: string;
  description: string;
  /** A codicon name. */
  icon: string;
  operations: OperationSummary[];
}

export class CatalogIndexError extends Error {
  override name = 'CatalogIndexError';
}

export class CatalogIndex {
  readonly sections: SectionSummary[];
  readonly operations: OperationSummary[] = [];
  readonly documentSha256: string;
  private readonly byId = new Map<string, OperationSummary>();
  private searchText: Map<OperationSummary, string> | undefined;

  constructor(packed: PackedCatalogIndex) {
    if (packed.version !== CATALOG_INDEX_VERSION)
      throw new CatalogIndexError(
        `The catalog index has version ${String(packed.version)}, not ${CATALOG_INDEX_VERSION}: rebuild the extension.`,
      );
    this.documentSha256 = packed.documentSha256;
    this.sections = packed.sections.map((s) => {
      const operations = s.operations.map(([id, method, opPath, summary, flags, docsUrl]): OperationSummary => {
        const op: OperationSummary = {
          id,
          method,
          path: opPath,
          summary,
          section: s.name,
          security: flags & OperationFlag.PartnerOnly ? 'BearerPartner' : 'BearerPartnerUser',
          deprecated: (flags & OperationFlag.Deprecated) !== 0,
          destructive: (flags & OperationFlag.Destructive) !== 0,
          readOnly: (flags & OperationFlag.ReadOnly) !== 0,
        };
        if (docsUrl !== undefined) op.docsUrl = docsUrl;
        this.byId.set(id, op);
        this.operations.push(op);
        return op;
      });
      return { name: s.name, description: s.description, icon: s.icon, operations };
    });
  }

  operation(id: string): OperationSummary | undefined {
    return this.byId.get(id);
  }

  section(name: string): SectionSummary | undefined {
    return this.sections.find((s) => s.name === name);
  }

  /** The same search and ranking as the full catalog's. */
  search(query: string, limit = Infinity): OperationSummary[] {
    // Built on the first search only: the tree's first paint does not need it.
    const text = (this.searchText ??= new Map(this.operations.map((op) => [op, searchTextOf(op)])));
    return searchOperations(this.operations, query, limit, (op) => text.get(op)!);
  }
}

/**
 * Reads the index the build wrote beside the document. Running from source (unit tests, `npm run sandbox`) there is
 * none beside src/api/openapi/altegio-b2b-v1.json, so it is built from the document there and then.
 */
export function loadCatalogIndex(file = DEFAULT_INDEX_PATH): CatalogIndex {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || file !== DEFAULT_INDEX_PATH) throw e;
    // Required here, not imported: the bundle's index path never needs the builder (or the whole document).
    const { buildCatalogIndex } = require('./catalog-index-builder') as typeof import('./catalog-index-builder');
    return new CatalogIndex(buildCatalogIndex(fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8')));
  }
  return new CatalogIndex(JSON.parse(text) as PackedCatalogIndex);
}
