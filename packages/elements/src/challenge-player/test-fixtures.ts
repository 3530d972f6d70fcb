/**
 * Test fixtures shared by the tests of the player, the course chainer and the results card:
 * a definition with three courses of 3, 7 and 5 challenges of every type, a small interactive
 * widget, and helpers that act as a person would (keyboard, pointer, accessible names).
 * Not part of the package's public API.
 */
import {
  parseSurveyDefinition,
  type Challenge,
  type ChallengeAnswer,
  type SurveyDefinition,
  type SurveyDefinitionInput,
  type SurveySession,
} from '@observatoire/core';
import { reportWidgetAnswer } from '../widget.js';

const t = (fr: string, en: string) => ({ fr, en });
const qcu = (id: string, solution: number, extra: object = {}) => ({
  id,
  type: 'QCU' as const,
  instruction: t(`Question ${id} : quelle est la bonne réponse ?`, `Question ${id}: which is the right answer?`),
  proposals: [t('Réponse A', 'Answer A'), t('Réponse B', 'Answer B'), t('Réponse C', 'Answer C')],
  solution,
  ...extra,
});

export const definitionInput: SurveyDefinitionInput = {
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'fixture',
  version: '1',
  title: t('Enquête de test', 'Test survey'),
  information: { title: t('Information', 'Information'), body: [t('Texte.', 'Text.')], consent: t('J’accepte', 'I agree') },
  challenges: [
    {
      id: 'qcu-souris',
      type: 'QCU',
      skill: { area: '5', competence: '5.2', level: 1 },
      instruction: t('Quel objet sert à déplacer le pointeur ?', 'Which device moves the pointer?'),
      alternativeInstruction: t('Avec quoi bouge-t-on la flèche à l’écran ?', 'What moves the arrow on the screen?'),
      illustration: { src: 'packages/content/pictures/tablette.svg', alt: t('Une tablette posée sur une table', 'A tablet on a table'), width: 320, height: 200 },
      proposals: [t('Le clavier', 'The keyboard'), t('La souris', 'The mouse'), t('L’écran', 'The screen')],
      solution: 2,
      help: {
        hint: t('La souris se tient dans la main.', 'The mouse is held in the hand.'),
        tutorials: [{ title: t('Utiliser la souris', 'Using the mouse'), url: 'https://example.org/souris' }],
        learnMore: [{ title: t('Les périphériques', 'Peripherals'), url: 'https://example.org/peripheriques' }],
      },
    },
    {
      id: 'clic-envoyer',
      type: 'interactive',
      skill: { area: '5', competence: '5.2', level: 1 },
      instruction: t('Appuyez sur le bouton qui envoie le message.', 'Press the button that sends the message.'),
      widget: { name: 'obs-test-click', config: { complete: true } },
      solution: { clicked: ['envoyer'] },
    },
    {
      id: 'qcm-navigateurs',
      type: 'QCM',
      skill: { area: '1', competence: '1.1', level: 2 },
      instruction: t('Lesquels sont des navigateurs ?', 'Which ones are web browsers?'),
      proposals: [t('Firefox', 'Firefox'), t('Word', 'Word'), t('Chrome', 'Chrome'), t('Excel', 'Excel')],
      shuffle: true,
      solution: [1, 3],
    },
    {
      id: 'qroc-capitale',
      type: 'QROC',
      skill: { area: '1', competence: '1.1', level: 2 },
      instruction: t('Quelle est la capitale de la France ?', 'What is the capital of France?'),
      inputs: [{ key: 'ville', label: t('Ville', 'City') }],
      solution: ['Paris'],
    },
    {
      id: 'qroc-nombre',
      type: 'QROC',
      format: 'nombre',
      instruction: t('Combien de jours compte une semaine ?', 'How many days are there in a week?'),
      inputs: [{ key: 'jours', label: t('Nombre de jours', 'Number of days') }],
      solution: ['7'],
    },
    {
      id: 'qrocm-ind-identite',
      type: 'QROCM-ind',
      skill: { area: '2', competence: '2.1', level: 2 },
      instruction: t('Recopiez le prénom et le nom : Marie Curie.', 'Copy the first name and the surname: Marie Curie.'),
      inputs: [
        { key: 'prenom', label: t('Prénom', 'First name'), format: 'petit' },
        { key: 'nom', label: t('Nom', 'Surname'), format: 'petit' },
      ],
      solution: { prenom: ['Marie'], nom: ['Curie'] },
    },
    {
      id: 'qrocm-dep-couleurs',
      type: 'QROCM-dep',
      instruction: t('Donnez deux couleurs du feu tricolore, en dehors de l’orange.', 'Name two traffic-light colours other than amber.'),
      inputs: [
        { key: 'c1', label: t('Première couleur', 'First colour') },
        { key: 'c2', label: t('Deuxième couleur', 'Second colour') },
      ],
      solution: [['rouge', 'red'], ['vert', 'green']],
    },
    {
      id: 'qroc-liste',
      type: 'QROC',
      instruction: t('Quel service envoie des courriels ?', 'Which service sends e-mails?'),
      inputs: [
        {
          key: 'service',
          label: t('Service', 'Service'),
          kind: 'select',
          options: [
            { value: 'messagerie', label: t('Messagerie', 'E-mail') },
            { value: 'agenda', label: t('Agenda', 'Calendar') },
          ],
        },
      ],
      solution: ['messagerie'],
    },
    qcu('qcu-minute', 1, { timer: 60 }),
    {
      id: 'qroc-phrase',
      type: 'QROC',
      format: 'paragraphe',
      instruction: t('Écrivez : bonjour à tous', 'Write: hello everyone'),
      inputs: [{ key: 'texte', label: t('Votre texte', 'Your text') }],
      solution: ['bonjour à tous', 'hello everyone'],
    },
    qcu('culture-1', 1, { skill: { area: '4', competence: '4.1', level: 3 } }),
    qcu('culture-2', 2, { skill: { area: '4', competence: '4.2', level: 3 } }),
    qcu('culture-3', 3),
    qcu('culture-4', 1),
    qcu('culture-5', 2),
  ],
  courses: [
    { id: 'manipulation', title: t('Manipulation', 'Handling'), challenges: ['qcu-souris', 'clic-envoyer', 'qcm-navigateurs'] },
    {
      id: 'bases',
      title: t('Compétences de base', 'Basic skills'),
      challenges: ['qroc-capitale', 'qroc-nombre', 'qrocm-ind-identite', 'qrocm-dep-couleurs', 'qroc-liste', 'qcu-minute', 'qroc-phrase'],
    },
    { id: 'culture', title: t('Culture numérique', 'Digital culture'), challenges: ['culture-1', 'culture-2', 'culture-3', 'culture-4', 'culture-5'] },
  ],
};

export const definition: SurveyDefinition = parseSurveyDefinition(definitionInput);

/** The same survey with a one-question questionnaire, to reach the phase `validated`. */
export const definitionWithQuestionnaire: SurveyDefinition = parseSurveyDefinition({
  ...definitionInput,
  questionnaire: {
    id: 'q',
    questions: [
      {
        id: 'genre',
        kind: 'single',
        label: t('Genre', 'Gender'),
        options: [
          { code: 'feminin', label: t('Féminin', 'Female') },
          { code: 'masculin', label: t('Masculin', 'Male') },
        ],
      },
    ],
  },
});

/** A right and a wrong answer for every fixture challenge, to set sessions up without the UI. */
export const answers: Readonly<Record<string, { right: ChallengeAnswer; wrong: ChallengeAnswer }>> = {
  'qcu-souris': { right: '2', wrong: '1' },
  'clic-envoyer': { right: { clicked: 'envoyer' }, wrong: { clicked: 'supprimer' } },
  'qcm-navigateurs': { right: '1,3', wrong: '1,2' },
  'qroc-capitale': { right: 'Paris', wrong: 'Lyon' },
  'qroc-nombre': { right: '7', wrong: '5' },
  'qrocm-ind-identite': { right: { prenom: 'Marie', nom: 'Curie' }, wrong: { prenom: 'Curie', nom: 'Marie' } },
  'qrocm-dep-couleurs': { right: { c1: 'rouge', c2: 'vert' }, wrong: { c1: 'bleu', c2: 'vert' } },
  'qroc-liste': { right: 'messagerie', wrong: 'agenda' },
  'qcu-minute': { right: '1', wrong: '2' },
  'qroc-phrase': { right: 'bonjour à tous', wrong: 'au revoir' },
  'culture-1': { right: '1', wrong: '2' },
  'culture-2': { right: '2', wrong: '1' },
  'culture-3': { right: '3', wrong: '1' },
  'culture-4': { right: '1', wrong: '2' },
  'culture-5': { right: '2', wrong: '1' },
};

/** Answer the rest of the current course through the session: the first `right` challenges right, the others wrong. */
export function playCourse(session: SurveySession, right: number): void {
  let n = 0;
  const course = session.state.courseIndex;
  while (session.state.phase === 'course' && session.state.courseIndex === course) {
    const challengeId = session.state.current!.challengeId;
    const answer = answers[challengeId]!;
    session.dispatch({ type: 'answerChallenge', challengeId, answer: n < right ? answer.right : answer.wrong });
    n += 1;
  }
}

/** A challenge of the fixture definition, by id. */
export function challengeById(id: string): Challenge {
  const challenge = definition.challenges.find((c) => c.id === id);
  if (!challenge) throw new Error(`no fixture challenge "${id}"`);
  return challenge;
}

/**
 * The fixture widget: two buttons, "Envoyer" and "Supprimer"; it reports `{ clicked }`.
 * `config.complete: false` keeps the report until "Je valide"; `config.broken: true` reports
 * a number instead of a text (a widget bug the player must survive).
 */
export class TestClickWidget extends HTMLElement {
  config: Readonly<Record<string, unknown>> = {};
  override lang: 'fr' | 'en' = 'fr';
  disabled = false;

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('button { min-height: 48px; min-width: 48px; font: inherit; margin: 0 8px 8px 0; }');
    root.adoptedStyleSheets = [sheet];
    for (const [id, fr, en] of [
      ['envoyer', 'Envoyer', 'Send'],
      ['supprimer', 'Supprimer', 'Delete'],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = this.lang === 'en' ? en : fr;
      button.addEventListener('click', () => {
        if (this.disabled) return;
        const answer = this.config['broken'] ? ({ clicked: 5 } as unknown as Record<string, string>) : { clicked: id };
        reportWidgetAnswer(this, answer, this.config['complete'] !== false);
      });
      root.append(button);
    }
  }
}
if (!customElements.get('obs-test-click')) customElements.define('obs-test-click', TestClickWidget);

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  return found;
}

/** Normalised visible text. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A button (or link) found by its text, as a person names it. */
export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLElement {
  const match = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const button = deepQueryAll(root, 'button, a').find((element) => match(textOf(element)));
  if (!button) throw new Error(`no button named ${String(name)}`);
  return button;
}

/** A form field found by its visible label (a `label[for]`, or the `label` wrapping it). */
export function fieldLabelled(root: ParentNode, name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  for (const label of deepQueryAll<HTMLLabelElement>(root, 'label'))
    if (textOf(label) === name && label.control) return label.control as HTMLInputElement;
  throw new Error(`no field labelled "${name}"`);
}

/** The centre of an element, in viewport pixels, after scrolling it into view. */
export function centreOf(element: Element): [number, number] {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

/** Interactive targets smaller than 44×44 CSS px (visible ones only). */
export function smallTargets(root: ParentNode): string[] {
  return deepQueryAll(root, 'button, a, select, input:not([type=radio]):not([type=checkbox]), label.choice, textarea')
    .filter((element) => element.getClientRects().length > 0)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width < 44 || box.height < 44;
    })
    .map((element) => `${element.tagName.toLowerCase()} "${textOf(element)}" ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`);
}

/** Elements wider than the viewport (the layout must reflow at 320 px). */
export function overflowing(root: ParentNode, width: number): string[] {
  return deepQueryAll(root, '*')
    .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 1)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
}
