import { array, id, object, optional, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

export interface FormField {
  key: string;
  label: LocalizedText;
  /** Shown under the label: the expected format, an example. */
  hint?: LocalizedText | undefined;
}

/**
 * `obs-w-form`: a simulated administrative form. Reports every field by its key
 * (`complete` once the form's own submit button is pressed).
 */
export interface FormConfig {
  title: LocalizedText;
  fields: FormField[];
  /** Label of the form's own submit button. */
  submit: LocalizedText;
}

export const formSpec: WidgetSpec<FormConfig> = {
  name: 'obs-w-form',
  shape: object<FormConfig>({
    title: text,
    fields: array(object<FormField>({ key: id, label: text, hint: optional(text) }), 1, 'key'),
    submit: text,
  }),
  reported: (config) => Object.fromEntries(config.fields.map((f) => [f.key, null])),
};
