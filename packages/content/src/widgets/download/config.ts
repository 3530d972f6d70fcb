import { array, iconName, id, object, optional, refine, string, text, type IconName, type LocalizedText, type WidgetSpec } from '../shared/config.js';

export interface DownloadAction {
  id: string;
  label: LocalizedText;
  icon?: IconName | undefined;
}

/**
 * `obs-w-download`: a simulated page offering a document, with a few buttons; the one named by
 * `download` puts the file in a simulated "Téléchargements" list, where the person opens it.
 * Reports `{ downloaded: file id or "", opened: file id or "" }`.
 */
export interface DownloadConfig {
  site: LocalizedText;
  address: string;
  /** What the page says, above the document. */
  text: LocalizedText[];
  /** The document: its id (reported), its file name (shown) and what it says once opened. */
  file: { id: string; name: string; content: LocalizedText[] };
  /** The page's buttons beside the document (2 or more: the task is to find the one that downloads). */
  actions: DownloadAction[];
  /** The id of the action that downloads. */
  download: string;
}

export const downloadSpec: WidgetSpec<DownloadConfig> = {
  name: 'obs-w-download',
  shape: refine(
    object<DownloadConfig>({
      site: text,
      address: string(),
      text: array(text, 1),
      file: object({ id, name: string(/^[\w.-]+\.\w{2,4}$/, 'a file name such as "attestation.pdf"'), content: array(text, 1) }),
      actions: array(object<DownloadAction>({ id, label: text, icon: optional(iconName) }), 2, 'id'),
      download: id,
    }),
    (config) => config.actions.some((action) => action.id === config.download),
    '"download" must name one of the actions',
  ),
  reported: (config) => ({ downloaded: [config.file.id, ''], opened: [config.file.id, ''] }),
};
