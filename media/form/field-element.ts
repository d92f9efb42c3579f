// What every field component of the form receives: the field's model, where its value sits, the value itself
// and the form's shared context. ArrayField and FieldView build on it.
import { LitElement } from 'lit';
import type { FormField, FormLocation } from '../../src/api/form-types';
import type { FormContext } from './form-context';
import type { Segment } from './values';

export abstract class FieldElement extends LitElement {
  static override properties = {
    field: { attribute: false },
    location: { attribute: false },
    segments: { attribute: false },
    value: { attribute: false },
    ctx: { attribute: false },
    depth: { type: Number },
    heading: { attribute: false },
  };

  declare field: FormField;
  declare location: FormLocation;
  declare segments: Segment[];
  declare value: unknown;
  declare ctx: FormContext;
  declare depth: number;
  /** Replaces the field's name as its label (rows of an array: "Item 2"). */
  declare heading: string | undefined;
}
