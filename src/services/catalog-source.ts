// How the host reaches the catalog of the bundled OpenAPI document: functions the composition root hands to every
// consumer. The full catalog parses the document on first call (forms, validation, requests); the compact index is
// all the API tree, the palette and the filter need (dist/openapi/catalog-index.json). Activation needs neither.
import type { Catalog } from '../api/catalog';
import type { CatalogIndex } from '../api/catalog-index';

export type CatalogSource = () => Catalog;
export type CatalogIndexSource = () => CatalogIndex;
