// The API's own words in the user's language: section names and descriptions, operation summaries and field
// descriptions, from the catalogue of that language (altegio-b2b-v1.l10n.<lang>.json) when there is one, else the
// OpenAPI document's English. Only the words change: operation ids, methods, paths and field names are API values.
import { getRussianCatalogue, type CatalogueTranslation } from './catalog-l10n';
import { fieldKey } from './catalog-fields';
import type { FormField, FormModel } from './form-types';

/** What the texts need of an operation (the full catalog's and the compact index's alike). */
interface OperationWords {
  id: string;
  summary: string;
}

interface SectionWords {
  name: string;
  description: string;
}

export class CatalogTexts {
  /** The document's own English. */
  static readonly english = new CatalogTexts(undefined);

  constructor(private readonly translation: CatalogueTranslation | undefined) {}

  /** True when the texts are not the document's own. */
  get translated(): boolean {
    return this.translation !== undefined;
  }

  summary(op: OperationWords): string {
    return this.translation?.summary(op.id) ?? op.summary;
  }

  /** A section's name as shown; the section's key stays its English name. */
  sectionName(section: string): string {
    return this.translation?.sectionName(section) ?? section;
  }

  sectionDescription(section: SectionWords): string {
    return this.translation?.sectionDescription(section.name) ?? section.description;
  }

  /**
   * The form of an operation with its words in this language: the summary, the section and every field's
   * description. In a translation, a description it lacks is left out rather than shown in English, and so is
   * the operation's long description, which no catalogue translates (its summary is the heading).
   */
  formModel(model: FormModel): FormModel {
    const t = this.translation;
    if (!t) return model;
    const id = model.operationId;
    const field = (f: FormField, location: 'path' | 'query' | 'body', path: string): FormField => {
      const { description: _english, ...rest } = f;
      const description = t.field(id, fieldKey(location, path));
      return {
        ...rest,
        ...(description ? { description } : {}),
        ...(f.fields ? { fields: f.fields.map((c) => field(c, location, `${path}.${c.name}`)) } : {}),
        ...(f.item ? { item: rowField(f.item, location, `${path}[]`, description) } : {}),
      };
    };
    // A row of an array: its own properties are keyed `list[].name`; a scalar row reads like its list.
    const rowField = (
      row: FormField,
      location: 'body' | 'path' | 'query',
      prefix: string,
      list?: string,
    ): FormField => {
      const { description: _english, ...rest } = row;
      return {
        ...rest,
        ...(list && !row.fields ? { description: list } : {}),
        ...(row.fields ? { fields: row.fields.map((c) => field(c, location, `${prefix}.${c.name}`)) } : {}),
        ...(row.item ? { item: rowField(row.item, location, `${prefix}[]`) } : {}),
      };
    };
    const body = model.body;
    return {
      ...model,
      summary: this.summary({ id, summary: model.summary }),
      description: '',
      section: this.sectionName(model.section),
      pathFields: model.pathFields.map((f) => field(f, 'path', f.name)),
      queryFields: model.queryFields.map((f) => field(f, 'query', f.name)),
      // A bare-array body is one field named '', which the catalogue keys as "[]" (src/api/catalog-fields.ts).
      ...(body ? { body: { ...body, fields: body.fields.map((f) => field(f, 'body', f.name || '[]')) } } : {}),
    };
  }
}

/** The texts of a UI language ('ru', 'ru-RU', 'en'…): Russian has a catalogue, every other language the English. */
export function catalogTextsFor(language: string): CatalogTexts {
  return /^ru\b/i.test(language) ? new CatalogTexts(getRussianCatalogue()) : CatalogTexts.english;
}
