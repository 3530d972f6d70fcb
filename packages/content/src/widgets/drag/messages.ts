import type { Catalogue } from '@observatoire/core/i18n';

export type DragMessage = 'how' | 'picked' | 'pickFirst' | 'dropped' | 'folders' | 'inFolder' | 'undone';

export const dragMessages = {
  fr: {
    how: 'Avec la souris ou le doigt\u00a0: faites glisser la photo sur un dossier. Sans souris\u00a0: choisissez la photo, puis choisissez un dossier.',
    picked: 'Photo choisie. Choisissez maintenant un dossier.',
    pickFirst: 'Choisissez d’abord la photo.',
    dropped: 'La photo est rangée dans le dossier «\u00a0{folder}\u00a0».',
    folders: 'Dossiers',
    inFolder: 'dans le dossier',
    undone: 'La photo est revenue à sa place.',
  },
  en: {
    how: 'With a mouse or a finger: drag the photo onto a folder. Without a mouse: choose the photo, then choose a folder.',
    picked: 'Photo chosen. Now choose a folder.',
    pickFirst: 'First choose the photo.',
    dropped: 'The photo is in the “{folder}” folder.',
    folders: 'Folders',
    inFolder: 'in the folder',
    undone: 'The photo is back in its place.',
  },
} satisfies Catalogue<DragMessage>;
