import { ANSWER_MODES } from '@observatoire/core/widget';
import { array, id, object, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/**
 * `obs-w-drag`: a picture to put in one of several folders. Reports `{ folder: id, mode }`, `mode` being
 * how it was done: `drag`, `keyboard` or `tap` (docs/content.md, "How the task was done").
 */
export interface DragConfig {
  /** Name of the picture, shown under it and used as its text alternative. */
  item: LocalizedText;
  folders: { id: string; label: LocalizedText }[];
}

export const dragSpec: WidgetSpec<DragConfig> = {
  name: 'obs-w-drag',
  shape: object<DragConfig>({ item: text, folders: array(object({ id, label: text }), 2, 'id') }),
  reported: (config) => ({ folder: config.folders.map((f) => f.id), mode: ANSWER_MODES }),
};
