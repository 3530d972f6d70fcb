import { array, id, object, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/** `obs-w-click`: buttons shown side by side; the person clicks one. Reports `{ clicked: id }`. */
export interface ClickConfig {
  buttons: { id: string; label: LocalizedText }[];
}

export const clickSpec: WidgetSpec<ClickConfig> = {
  name: 'obs-w-click',
  shape: object<ClickConfig>({ buttons: array(object({ id, label: text }), 2, 'id') }),
  reported: (config) => ({ clicked: config.buttons.map((b) => b.id) }),
};
