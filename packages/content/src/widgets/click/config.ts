import { array, iconName, id, object, optional, text, type IconName, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/**
 * `obs-w-click`: buttons shown side by side, each with its word and, if given, a picture (`icon`);
 * the person clicks one. Reports `{ clicked: id }`.
 */
export interface ClickConfig {
  buttons: { id: string; label: LocalizedText; icon?: IconName | undefined }[];
}

export const clickSpec: WidgetSpec<ClickConfig> = {
  name: 'obs-w-click',
  shape: object<ClickConfig>({ buttons: array(object({ id, label: text, icon: optional(iconName) }), 2, 'id') }),
  reported: (config) => ({ clicked: config.buttons.map((b) => b.id) }),
};
