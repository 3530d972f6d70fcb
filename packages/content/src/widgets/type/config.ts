import { iconName, object, optional, text, type IconName, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/** `obs-w-type`: one labelled text field, its label led by a picture if given (`icon`). Reports `{ typed: text }`. */
export interface TypeConfig {
  label: LocalizedText;
  icon?: IconName | undefined;
}

export const typeSpec: WidgetSpec<TypeConfig> = {
  name: 'obs-w-type',
  shape: object<TypeConfig>({ label: text, icon: optional(iconName) }),
  reported: () => ({ typed: null }),
};
