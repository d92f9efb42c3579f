// Builds the compact catalog index (src/api/catalog-index.ts) from the OpenAPI document's text. esbuild.js runs it at
// build time to write dist/openapi/catalog-index.json; running from source, the index is built with it on first use.
import { createHash } from 'crypto';
import { Catalog } from './catalog';
import { CATALOG_INDEX_VERSION, OperationFlag, type PackedCatalogIndex, type PackedOperation } from './catalog-index';

export function buildCatalogIndex(documentText: string): PackedCatalogIndex {
  const document = JSON.parse(documentText) as Record<string, unknown>;
  const catalog = new Catalog(document);
  return {
    version: CATALOG_INDEX_VERSION,
    documentSha256: documentHash(document),
    sections: catalog.sections.map((s) => ({
      name: s.name,
      description: s.description,
      icon: s.icon,
      operations: s.operations.map((op): PackedOperation => {
        const flags =
          (op.deprecated ? OperationFlag.Deprecated : 0) |
          (op.destructive ? OperationFlag.Destructive : 0) |
          (op.readOnly ? OperationFlag.ReadOnly : 0) |
          (op.security === 'BearerPartner' ? OperationFlag.PartnerOnly : 0);
        return op.docsUrl
          ? [op.id, op.method, op.path, op.summary, flags, op.docsUrl]
          : [op.id, op.method, op.path, op.summary, flags];
      }),
    })),
  };
}

/**
 * What the index records of the document it was built from: the SHA-256 of its compact JSON, which is the same for
 * the formatted source and the minified copy in dist/.
 */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}
