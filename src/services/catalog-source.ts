// How the host reaches the catalog of the bundled OpenAPI document: a function the composition root hands to
// every consumer, which parses the document on first call (activation never needs it).
import type { Catalog } from '../api/catalog';

export type CatalogSource = () => Catalog;
