import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_DOCUMENT_PATH, loadCatalog, type OperationSummary } from '../../src/api/catalog';
import { CatalogIndex, CatalogIndexError, loadCatalogIndex } from '../../src/api/catalog-index';
import { buildCatalogIndex, documentHash } from '../../src/api/catalog-index-builder';

const documentText = fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8');
const catalog = loadCatalog();

function summary(op: OperationSummary): OperationSummary {
  const { id, method, path: opPath, summary: text, section, security, deprecated, destructive, readOnly, docsUrl } = op;
  return {
    id,
    method,
    path: opPath,
    summary: text,
    section,
    security,
    deprecated,
    destructive,
    readOnly,
    ...(docsUrl ? { docsUrl } : {}),
  };
}

describe('Catalog index (what the tree, the palette and the filter read)', () => {
  const index = new CatalogIndex(buildCatalogIndex(documentText));

  it('holds every section of the document in its order, with every operation and what the tree shows of it', () => {
    assert.deepStrictEqual(
      index.sections.map((s) => [s.name, s.description, s.icon]),
      catalog.sections.map((s) => [s.name, s.description, s.icon]),
    );
    assert.deepStrictEqual(
      index.sections.map((s) => s.operations.map(summary)),
      catalog.sections.map((s) => s.operations.map(summary)),
    );
    assert.strictEqual(index.operations.length, catalog.operations.length);
    assert.ok(index.operations.length >= 274);
  });

  it('finds an operation by id and a section by name', () => {
    assert.deepStrictEqual(
      index.operation('issue_loyalty_card'),
      summary(catalog.requireOperation('issue_loyalty_card')),
    );
    assert.strictEqual(index.operation('no_such_operation'), undefined);
    assert.strictEqual(
      index.section('Loyalty Cards')?.operations.length,
      catalog.section('Loyalty Cards')?.operations.length,
    );
  });

  it('searches and ranks exactly like the full catalog', () => {
    for (const query of ['', 'loyalty card', 'GET clients', 'delete', 'chain card_types', 'records', 'zzz nothing']) {
      assert.deepStrictEqual(
        index.search(query, 20).map((o) => o.id),
        catalog.search(query, 20).map((o) => o.id),
        `query "${query}"`,
      );
    }
  });

  it('records which document it was built from, the same for the formatted and the minified text', () => {
    const packed = buildCatalogIndex(documentText);
    assert.strictEqual(packed.documentSha256, documentHash(JSON.parse(documentText)));
    assert.strictEqual(
      buildCatalogIndex(JSON.stringify(JSON.parse(documentText))).documentSha256,
      packed.documentSha256,
    );
    const changed = JSON.parse(documentText) as { info: { version: string } };
    changed.info.version += '-changed';
    assert.notStrictEqual(buildCatalogIndex(JSON.stringify(changed)).documentSha256, packed.documentSha256);
  });

  it('is much smaller than the document it summarises', () => {
    const size = JSON.stringify(buildCatalogIndex(documentText)).length;
    assert.ok(size < documentText.length / 4, `index ${size} bytes vs document ${documentText.length}`);
  });

  it('reads an index file, and refuses one of another version with a clear error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-index-'));
    try {
      const file = path.join(dir, 'catalog-index.json');
      fs.writeFileSync(file, JSON.stringify(buildCatalogIndex(documentText)));
      assert.strictEqual(loadCatalogIndex(file).operations.length, catalog.operations.length);
      fs.writeFileSync(file, JSON.stringify({ ...buildCatalogIndex(documentText), version: 99 }));
      assert.throws(() => loadCatalogIndex(file), CatalogIndexError);
      assert.throws(() => loadCatalogIndex(path.join(dir, 'missing.json')), /ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('running from source, where the build wrote no index, builds it from the bundled document', () => {
    const fromSource = loadCatalogIndex();
    assert.strictEqual(fromSource.documentSha256, documentHash(JSON.parse(documentText)));
    assert.strictEqual(fromSource.operations.length, catalog.operations.length);
  });
});
