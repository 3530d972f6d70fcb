import { object, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/** `obs-w-type`: one labelled text field. Reports `{ typed: text }`. */
export interface TypeConfig {
  label: LocalizedText;
}

export const typeSpec: WidgetSpec<TypeConfig> = {
  name: 'obs-w-type',
  shape: object<TypeConfig>({ label: text }),
  reported: () => ({ typed: null }),
};
