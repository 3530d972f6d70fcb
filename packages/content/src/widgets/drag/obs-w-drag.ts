import { html, css, svg, nothing, type TemplateResult } from 'lit';
import type { AnswerMode } from '@observatoire/core/widget';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { dragSpec, type DragConfig } from './config.js';
import { dragMessages, type DragMessage } from './messages.js';

/** Below this distance (px) a press on the photo is a click, not a drag. */
const DRAG_THRESHOLD = 6;

const photoIcon = svg`<svg viewBox="0 0 64 48" width="64" height="48" aria-hidden="true" focusable="false">
  <rect x="1" y="1" width="62" height="46" rx="4" fill="#e8eefa" stroke="#2851a3" stroke-width="2"/>
  <circle cx="46" cy="14" r="6" fill="#b45309"/>
  <path d="M4 44l18-20 12 12 8-8 18 16z" fill="#2e7d32"/>
</svg>`;

const folderIcon = svg`<svg viewBox="0 0 48 36" width="48" height="36" aria-hidden="true" focusable="false">
  <path d="M2 6a4 4 0 0 1 4-4h12l4 5h20a4 4 0 0 1 4 4v19a4 4 0 0 1-4 4H6a4 4 0 0 1-4-4z" fill="#f2c14e" stroke="#8a5a00" stroke-width="2"/>
</svg>`;

/**
 * Put a picture into a named folder (a manipulation task): drag it with a mouse, a pen or a
 * finger (pointer events), or, without a pointer, choose the picture then choose a folder.
 * Dropping reports the folder; choosing another folder moves the photo there; "Je valide" sends it.
 * The report says how it was done (docs/content.md, "How the task was done"): `drag` when the
 * picture was dragged, `keyboard` when the folder was chosen with the keyboard, `tap` when it was
 * chosen with two clicks or taps. Only a real drag is recorded as `drag`.
 *
 * The dragged picture follows the pointer through its CSSOM `translate` property, which a
 * strict Content Security Policy allows (no `style` attribute is ever written in markup).
 *
 * @example
 * const el = document.createElement('obs-w-drag');
 * el.config = { item: { fr: 'Photo du chat', en: 'Photo of the cat' },
 *   folders: [{ id: 'animaux', label: { fr: 'Animaux', en: 'Animals' } }, { id: 'famille', label: { fr: 'Famille', en: 'Family' } }] };
 *
 * @prop {object} config - `{ item: { fr, en }, folders: [{ id, label: { fr, en } }] }`.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { folder: id, mode: 'drag' | 'keyboard' | 'tap' }, complete: false }` each time the picture is put in a folder.
 */
export class ObsWDrag extends WidgetElement<DragConfig> {
  static override styles = [
    widgetStyles,
    css`
      .how { color: var(--_muted); }
      .desk {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: flex-start;
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .photo {
        display: inline-flex;
        flex-direction: column;
        align-items: center;
        gap: 0.25em;
        touch-action: none;
        user-select: none;
        -webkit-user-select: none;
      }
      .photo.dragging {
        position: relative;
        z-index: 1;
        box-shadow: 0 6px 16px rgb(0 0 0 / 0.25);
        cursor: grabbing;
      }
      .folders {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 0.5);
        margin: 0;
        padding: 0;
        list-style: none;
        flex: 1 1 12em;
      }
      .folder {
        display: inline-flex;
        flex-direction: column;
        align-items: center;
        gap: 0.25em;
        min-width: 7em;
      }
      .folder.over {
        border-color: var(--_primary);
        border-width: 3px;
        background: var(--_primary-soft);
      }
      .contains { font-size: 0.875em; color: var(--_muted); }
      /* Forced colours drop the background: the folder under the photo keeps a system-coloured outline. */
      @media (forced-colors: active) {
        .folder.over { outline: 3px solid Highlight; outline-offset: 2px; }
      }
    `,
  ];
  static override properties = {
    picked: { state: true },
    placedIn: { state: true },
    over: { state: true },
    message: { state: true },
  };
  protected readonly spec = dragSpec;
  declare private picked: boolean;
  declare private placedIn: string | undefined;
  declare private over: string | undefined;
  declare private message: DragMessage | undefined;
  private drag: { pointerId: number; x: number; y: number; moved: boolean } | undefined;

  protected override configChanged(): void {
    this.picked = false;
    this.placedIn = undefined;
    this.over = undefined;
    this.message = undefined;
  }

  private get photo(): HTMLElement | null {
    return this.renderRoot.querySelector('.photo');
  }

  private folderAt(x: number, y: number): string | undefined {
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-folder]')) {
      const r = el.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return el.dataset.folder;
    }
    return undefined;
  }

  private place(folder: string, mode: AnswerMode): void {
    if (this.disabled) return;
    this.placedIn = folder;
    this.picked = false;
    this.message = 'dropped';
    this.report({ folder, mode }, false);
  }

  private onPhotoClick(): void {
    // A pointer drag ends with a click event: it must not toggle the choice.
    if (this.drag?.moved) {
      this.drag = undefined;
      return;
    }
    this.drag = undefined;
    if (this.disabled || this.placedIn) return;
    this.picked = !this.picked;
    this.message = this.picked ? 'picked' : undefined;
  }

  /** "Annuler mon choix": the photo goes back where it was, focused, ready to be moved again. */
  private undo(): void {
    this.placedIn = undefined;
    this.picked = false;
    this.message = 'undone';
    void this.updateComplete.then(() => this.photo?.focus());
  }

  private onFolderClick(folder: string, event: MouseEvent): void {
    if (this.disabled) return;
    // A change of mind: the photo already in a folder moves to the one chosen now.
    if (!this.picked && !this.placedIn) {
      this.message = 'pickFirst';
      return;
    }
    // `detail` is 0 for a click made by the keyboard (Enter, Space), as the player's ScreenGuard reads it.
    this.place(folder, event.detail === 0 ? 'keyboard' : 'tap');
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.disabled || this.placedIn || event.button !== 0) return;
    try {
      // Keeps the moves coming while the finger or pointer leaves the photo.
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // A pointer that is already gone (or a synthetic one): its events still reach the photo.
    }
    this.drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    const photo = this.photo;
    if (!drag || drag.pointerId !== event.pointerId || !photo) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    drag.moved = true;
    photo.classList.add('dragging');
    photo.style.translate = `${dx}px ${dy}px`;
    this.over = this.folderAt(event.clientX, event.clientY);
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    const photo = this.photo;
    if (!drag || drag.pointerId !== event.pointerId) return;
    if (photo) {
      photo.classList.remove('dragging');
      photo.style.removeProperty('translate');
    }
    this.over = undefined;
    if (!drag.moved) return; // the click handler decides
    const folder = this.folderAt(event.clientX, event.clientY);
    if (folder) this.place(folder, 'drag');
    if (event.type === 'pointercancel') this.drag = undefined;
  }

  protected renderWidget(config: DragConfig): TemplateResult {
    const m = (key: DragMessage, params?: Record<string, string>) => translate(dragMessages, this.language, key, params);
    const placed = config.folders.find((f) => f.id === this.placedIn);
    const photo = html`<button
      type="button"
      class="photo"
      aria-pressed=${this.picked ? 'true' : 'false'}
      ?disabled=${this.disabled}
      @click=${this.onPhotoClick}
      @pointerdown=${this.onPointerDown}
      @pointermove=${this.onPointerMove}
      @pointerup=${this.onPointerUp}
      @pointercancel=${this.onPointerUp}
    >
      ${photoIcon}<span>${this.t(config.item)}</span>
    </button>`;
    return html`<p class="how" id="how">${m('how')}</p>
      <div class="desk">
        ${placed ? nothing : photo}
        <ul class="folders" aria-label=${m('folders')}>
          ${config.folders.map(
            (folder) => html`<li>
              <button
                type="button"
                class="folder ${this.over === folder.id ? 'over' : ''}"
                data-folder=${folder.id}
                aria-describedby="how"
                ?disabled=${this.disabled}
                @click=${(event: MouseEvent) => this.onFolderClick(folder.id, event)}
              >
                ${folderIcon}<span>${this.t(folder.label)}</span>
                ${this.placedIn === folder.id ? html`<span class="contains">${this.t(config.item)}</span>` : nothing}
              </button>
            </li>`,
          )}
        </ul>
      </div>
      ${placed ? this.undoButton(() => this.undo()) : nothing}
      <p class="status" role="status">${this.message ? m(this.message, { folder: placed ? this.t(placed.label) : '' }) : ''}</p>`;
  }
}
