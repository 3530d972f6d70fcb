import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createChallengeSession } from '@observatoire/core';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { AnswerEventDetail, ErrorEventDetail } from '../events.js';
import './obs-challenge-player.define.js';
import type { PlayerSubmitDetail } from './events.js';
import type { ObsChallengePlayer } from './obs-challenge-player.js';
import type { PlayerClock } from './timer.js';
import { buildAnswer, displayOrder } from './answer.js';
import { until } from '../outbox/test-helpers.js';
import {
  buttonNamed,
  centreOf,
  challengeById,
  deepActiveElement,
  deepQueryAll,
  fieldLabelled,
  overflowing,
  smallTargets,
  textOf,
} from './test-fixtures.js';

/** A clock driven by hand: `advance` runs the ticks that would have happened. */
class ManualClock implements PlayerClock {
  time = 1_000_000;
  private ticks = new Set<{ ms: number; next: number; tick: () => void }>();
  now(): number {
    return this.time;
  }
  every(ms: number, tick: () => void): () => void {
    const entry = { ms, next: this.time + ms, tick };
    this.ticks.add(entry);
    return () => this.ticks.delete(entry);
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.ticks].filter((entry) => entry.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      due.next += due.ms;
      due.tick();
    }
    this.time = end;
  }
  get running(): number {
    return this.ticks.size;
  }
}

async function player(challengeId: string, options: { mode?: 'measurement' | 'learning'; clock?: PlayerClock; lang?: string } = {}) {
  const el = await fixture<ObsChallengePlayer>(html`<obs-challenge-player
    .challenge=${challengeById(challengeId)}
    .clock=${options.clock ?? new ManualClock()}
    mode=${options.mode ?? 'measurement'}
    lang=${options.lang ?? 'fr'}
    position="2"
    total="7"
  ></obs-challenge-player>`);
  // The settle time after a screen change has its own tests (double activation, below).
  el.guard.settleMs = 0;
  await el.updateComplete;
  // Pointer tests click at measured positions: let pictures settle the layout first.
  const pictures = [...el.shadowRoot!.querySelectorAll('img')];
  await Promise.all(pictures.map((img) => img.decode().catch(() => undefined)));
  return el;
}

const root = (el: ObsChallengePlayer) => el.shadowRoot as ShadowRoot;
const status = (el: ObsChallengePlayer) => textOf(root(el).querySelector('[aria-live="polite"]'));

/** How a person acts on the form: by keyboard, or by pointer. */
interface Person {
  choose(el: ObsChallengePlayer, label: string): Promise<void>;
  type(el: ObsChallengePlayer, label: string, text: string): Promise<void>;
  pick(el: ObsChallengePlayer, label: string, optionIndex: number): Promise<void>;
  press(el: ObsChallengePlayer, name: string): Promise<void>;
}

async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 30 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), 'reached by Tab').to.equal(target);
}

const keyboard: Person = {
  async choose(el, label) {
    const box = fieldLabelled(root(el), label);
    box.focus();
    await sendKeys({ press: ' ' });
  },
  async type(el, label, text) {
    await tabTo(fieldLabelled(root(el), label));
    await sendKeys({ type: text });
  },
  async pick(el, label, optionIndex) {
    await tabTo(fieldLabelled(root(el), label));
    for (let i = 0; i < optionIndex; i++) await sendKeys({ press: 'ArrowDown' });
  },
  async press(el, name) {
    await tabTo(buttonNamed(root(el), name));
    await sendKeys({ press: 'Enter' });
  },
};

const pointer: Person = {
  async choose(el, label) {
    const box = fieldLabelled(root(el), label);
    await sendMouse({ type: 'click', position: centreOf(box.closest('label') ?? box) });
  },
  async type(el, label, text) {
    await sendMouse({ type: 'click', position: centreOf(fieldLabelled(root(el), label)) });
    await sendKeys({ type: text });
  },
  // A native list opens a picker drawn by the system: choose in it with the arrow keys.
  async pick(el, label, optionIndex) {
    const field = fieldLabelled(root(el), label);
    field.focus();
    for (let i = 0; i < optionIndex; i++) await sendKeys({ press: 'ArrowDown' });
  },
  async press(el, name) {
    await sendMouse({ type: 'click', position: centreOf(buttonNamed(root(el), name)) });
  },
};

interface Case {
  id: string;
  right: (p: Person, el: ObsChallengePlayer) => Promise<void>;
  wrong: (p: Person, el: ObsChallengePlayer) => Promise<void>;
}

const validate = (p: Person, el: ObsChallengePlayer) => p.press(el, 'Je valide');

const cases: Case[] = [
  {
    id: 'qcu-souris',
    right: async (p, el) => (await p.choose(el, 'La souris'), validate(p, el)),
    wrong: async (p, el) => (await p.choose(el, 'Le clavier'), validate(p, el)),
  },
  {
    id: 'qcm-navigateurs',
    right: async (p, el) => (await p.choose(el, 'Firefox'), await p.choose(el, 'Chrome'), validate(p, el)),
    wrong: async (p, el) => (await p.choose(el, 'Firefox'), await p.choose(el, 'Word'), validate(p, el)),
  },
  {
    id: 'qroc-capitale',
    right: async (p, el) => (await p.type(el, 'Ville', 'paris'), validate(p, el)),
    wrong: async (p, el) => (await p.type(el, 'Ville', 'Lyon'), validate(p, el)),
  },
  {
    id: 'qroc-nombre',
    right: async (p, el) => (await p.type(el, 'Nombre de jours', '7,0'), validate(p, el)),
    wrong: async (p, el) => (await p.type(el, 'Nombre de jours', '5'), validate(p, el)),
  },
  {
    id: 'qrocm-ind-identite',
    right: async (p, el) => (await p.type(el, 'Prénom', 'Marie'), await p.type(el, 'Nom', 'Curie'), validate(p, el)),
    wrong: async (p, el) => (await p.type(el, 'Prénom', 'Curie'), await p.type(el, 'Nom', 'Marie'), validate(p, el)),
  },
  {
    id: 'qrocm-dep-couleurs',
    right: async (p, el) => (await p.type(el, 'Première couleur', 'vert'), await p.type(el, 'Deuxième couleur', 'rouge'), validate(p, el)),
    wrong: async (p, el) => (await p.type(el, 'Première couleur', 'vert'), await p.type(el, 'Deuxième couleur', 'vert'), validate(p, el)),
  },
  {
    id: 'qroc-liste',
    right: async (p, el) => (await p.pick(el, 'Service', 1), validate(p, el)),
    wrong: async (p, el) => (await p.pick(el, 'Service', 2), validate(p, el)),
  },
  {
    id: 'qroc-phrase',
    right: async (p, el) => (await p.type(el, 'Votre texte', 'Bonjour a tous'), validate(p, el)),
    wrong: async (p, el) => (await p.type(el, 'Votre texte', 'au revoir'), validate(p, el)),
  },
  {
    id: 'clic-envoyer',
    right: async (p, el) => (await p.press(el, 'Envoyer'), validate(p, el)),
    wrong: async (p, el) => (await p.press(el, 'Supprimer'), validate(p, el)),
  },
];

describe('<obs-challenge-player>', () => {
  for (const [how, person] of [
    ['keyboard', keyboard],
    ['pointer', pointer],
  ] as const) {
    describe(`every type answered right and wrong, by ${how}`, () => {
      for (const { id, right, wrong } of cases) {
        for (const [expected, act] of [
          ['ok', right],
          ['ko', wrong],
        ] as const) {
          it(`${id}: ${expected}`, async () => {
            const el = await player(id);
            const answered = oneEvent(el, 'obs-answer');
            await act(person, el);
            const { detail } = (await answered) as CustomEvent<AnswerEventDetail>;
            expect(detail.result.challengeId).to.equal(id);
            expect(detail.result.status).to.equal(expected);
            expect(status(el)).to.equal('Votre réponse est enregistrée.');
            // Measurement mode: no correction, no help.
            expect(textOf(root(el))).not.to.match(/Bonne réponse|pas la réponse attendue|Pour réussir/);
          });
        }
      }
    });
  }

  it('focuses the heading, which says the position and the instruction', async () => {
    const el = await player('qroc-capitale');
    const heading = root(el).querySelector('h2');
    expect(deepActiveElement()).to.equal(heading);
    expect(textOf(heading)).to.equal('Défi 2 sur 7 Quelle est la capitale de la France ?');
  });

  it('shows the illustration with its alternative text, resolved against base-url', async () => {
    const el = await player('qcu-souris');
    el.baseUrl = 'https://contenu.example/enquete/';
    await el.updateComplete;
    const img = root(el).querySelector('img') as HTMLImageElement;
    expect(img.alt).to.equal('Une tablette posée sur une table');
    expect(img.getAttribute('src')).to.equal('https://contenu.example/enquete/packages/content/pictures/tablette.svg');
  });

  it('toggles the other wording of the instruction', async () => {
    const el = await player('qcu-souris');
    const toggle = buttonNamed(root(el), 'Voir une autre formulation');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await keyboard.press(el, 'Voir une autre formulation');
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(root(el).querySelector('#alternative'))).to.contain('Avec quoi bouge-t-on la flèche');
    expect(textOf(toggle)).to.equal('Masquer l’autre formulation');
  });

  it('shows proposals in the session order, and reports the original indexes', async () => {
    const el = await player('qcm-navigateurs');
    el.proposalOrder = [4, 3, 2, 1];
    await el.updateComplete;
    const labels = [...root(el).querySelectorAll('label.choice')].map((label) => textOf(label));
    expect(labels).to.deep.equal(['Excel', 'Chrome', 'Word', 'Firefox']);
    const submitted = oneEvent(el, 'obs-player-submit');
    await keyboard.choose(el, 'Chrome');
    await keyboard.choose(el, 'Firefox');
    await keyboard.press(el, 'Je valide');
    const { detail } = (await submitted) as CustomEvent<PlayerSubmitDetail>;
    expect(detail).to.deep.equal({ challengeId: 'qcm-navigateurs', answer: '1,3', timedOut: false });
  });

  it('sizes inputs by format: numbers get a decimal keypad, paragraphs a text area', async () => {
    const numberPlayer = await player('qroc-nombre');
    expect(fieldLabelled(root(numberPlayer), 'Nombre de jours').getAttribute('inputmode')).to.equal('decimal');
    const textPlayer = await player('qroc-phrase');
    expect(fieldLabelled(root(textPlayer), 'Votre texte').tagName).to.equal('TEXTAREA');
  });

  describe('refusing an answer that cannot be sent', () => {
    it('refuses an empty text answer, says to press "Je passe", and focuses the field', async () => {
      const el = await player('qroc-capitale');
      let submitted = false;
      el.addEventListener('obs-player-submit', () => (submitted = true));
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      const field = fieldLabelled(root(el), 'Ville');
      const error = root(el).querySelector('#error');
      expect(textOf(error)).to.equal('Vous n’avez pas répondu. Si vous ne savez pas, appuyez sur « Je passe ».');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.contain('error');
      expect(deepActiveElement()).to.equal(field);
      expect(submitted).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('refuses an unanswered QCU and focuses its first choice', async () => {
      const el = await player('qcu-souris');
      await pointer.press(el, 'Je valide');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('#error'))).to.contain('appuyez sur « Je passe »');
      expect(deepActiveElement()).to.equal(fieldLabelled(root(el), 'Le clavier'));
    });

    it('names the empty inputs of a QROCM', async () => {
      const el = await player('qrocm-ind-identite');
      await keyboard.type(el, 'Prénom', 'Marie');
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('#error'))).to.equal(
        'Remplissez chaque case avant de valider (« Nom »). Si vous ne savez pas, appuyez sur « Je passe ».',
      );
      expect(fieldLabelled(root(el), 'Prénom').getAttribute('aria-invalid')).to.equal(null);
      expect(deepActiveElement()).to.equal(fieldLabelled(root(el), 'Nom'));
    });

    it('says in the instruction area that a QCM needs two boxes, and refuses one', async () => {
      const el = await player('qcm-navigateurs');
      expect(textOf(root(el).querySelector('#qcm-hint'))).to.equal('Plusieurs réponses sont attendues : cochez-en au moins deux.');
      await pointer.choose(el, 'Firefox');
      await pointer.press(el, 'Je valide');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('#error'))).to.equal(
        'Vous avez coché une seule case. Cochez au moins deux réponses, ou appuyez sur « Je passe ».',
      );
      const boxes = deepQueryAll<HTMLInputElement>(root(el), 'input[type=checkbox]');
      expect(boxes.every((box) => box.getAttribute('aria-invalid') === 'true')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('refuses an interactive challenge the widget has not reported on yet', async () => {
      const el = await player('clic-envoyer');
      const widget = root(el).querySelector('obs-test-click') as HTMLElement & { config: Record<string, unknown> };
      widget.config = { complete: false };
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('#error'))).to.contain('appuyez sur « Je passe »');
      // A report that is not complete is kept for "Je valide".
      const answered = oneEvent(el, 'obs-answer');
      await pointer.press(el, 'Envoyer');
      await el.updateComplete;
      expect(root(el).querySelector('#error')).to.equal(null);
      await pointer.press(el, 'Je valide');
      expect(((await answered) as CustomEvent<AnswerEventDetail>).detail.result.status).to.equal('ok');
    });
  });

  it('"Je passe" skips: answer null, status aband', async () => {
    const el = await player('qroc-capitale');
    const submitted = oneEvent(el, 'obs-player-submit');
    const answered = oneEvent(el, 'obs-answer');
    await keyboard.press(el, 'Je passe');
    await keyboard.press(el, 'Oui, je passe');
    expect(((await submitted) as CustomEvent<PlayerSubmitDetail>).detail).to.deep.equal({ challengeId: 'qroc-capitale', answer: null, timedOut: false });
    const { detail } = (await answered) as CustomEvent<AnswerEventDetail>;
    expect(detail.result.status).to.equal('aband');
    expect(detail.result).not.to.have.property('answer');
    await el.updateComplete;
    expect(status(el)).to.equal('Défi passé.');
  });

  it('does not check the answer itself when a parent handles obs-player-submit', async () => {
    const el = await player('qroc-capitale');
    el.addEventListener('obs-player-submit', (event) => event.preventDefault());
    let answered = false;
    el.addEventListener('obs-answer', () => (answered = true));
    await keyboard.type(el, 'Ville', 'Paris');
    await keyboard.press(el, 'Je valide');
    await el.updateComplete;
    expect(answered).to.equal(false);
    expect(status(el)).to.equal('Votre réponse est enregistrée.');
  });

  describe('alone, it drives a core session of its challenge (docs/protocol.md, "Alone on a page")', () => {
    const moves: [string, string, (el: ObsChallengePlayer) => Promise<void>, string][] = [
      ['a right answer', 'qcu-souris', async (el) => (await keyboard.choose(el, 'La souris'), keyboard.press(el, 'Je valide')), 'ok'],
      ['a wrong answer', 'qroc-capitale', async (el) => (await keyboard.type(el, 'Ville', 'Lyon'), keyboard.press(el, 'Je valide')), 'ko'],
      ['a skip', 'qroc-capitale', async (el) => (await keyboard.press(el, 'Je passe'), keyboard.press(el, 'Oui, je passe')), 'aband'],
    ];
    for (const [name, id, move, expected] of moves)
      it(`${name}: obs-answer carries exactly the result the session recorded, with the session's event id`, async () => {
        const clock = new ManualClock();
        const el = await player(id, { clock });
        const session = el.session!;
        expect(session.state.phase).to.equal('course');
        clock.advance(7000);
        const answered = oneEvent(el, 'obs-answer');
        await move(el);
        const { detail } = (await answered) as CustomEvent<AnswerEventDetail>;
        const recorded = session.state.courses[0]?.results[0];
        expect(detail.result).to.deep.equal(recorded);
        expect(detail.courseId).to.equal('');
        expect(detail.result.status).to.equal(expected);
        expect(detail.result.eventId).to.equal(session.state.events.at(-1)?.id);
        expect(detail.result.eventId).to.match(new RegExp(`^${session.state.sessionId}-\\d+$`));
        expect(detail.result.durationMs).to.equal(7000);
        expect(session.state.phase).to.equal('finished');
      });

    it('a timed challenge: "Commencer", "Plus de temps" and "Sans limite de temps" are the session\'s actions, in its log', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      const told: string[] = [];
      el.addEventListener('obs-player-time', (event) => told.push(event.detail.action));
      clock.advance(20_000); // reading the first screen does not eat into the time
      await keyboard.press(el, 'Commencer');
      expect(el.session!.timeLeftMs()).to.equal(60_000);
      await keyboard.press(el, 'Plus de temps');
      await keyboard.press(el, 'Sans limite de temps');
      const types = el.session!.state.events.map((event) => event.action.type);
      expect(types).to.deep.equal(['start', 'startTimeLimit', 'extendTime', 'removeTimeLimit']);
      expect(told).to.deep.equal(['startTimeLimit', 'extendTime', 'removeTimeLimit']);
    });

    it('the timer shows the time the session judges, and timedOut is the session\'s', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await keyboard.press(el, 'Commencer');
      clock.advance(42_000);
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 18 s');
      expect(el.session!.timeLeftMs()).to.equal(18_000);
      clock.advance(18_000);
      await el.updateComplete;
      const answered = oneEvent(el, 'obs-answer');
      await keyboard.choose(el, 'Réponse A');
      await keyboard.press(el, 'Je valide');
      const { detail } = (await answered) as CustomEvent<AnswerEventDetail>;
      expect(detail.result).to.include({ status: 'timedout', timedOut: true });
      expect(detail.result).to.deep.equal(el.session!.state.courses[0]?.results[0]);
    });

    it('given the survey’s session (`survey`), it runs none of its own: the parent records the time actions, the timer reads that session', async () => {
      const clock = new ManualClock();
      const challenge = challengeById('qcu-minute');
      const survey = createChallengeSession(challenge, { clock: () => clock.now() });
      const el = await fixture<ObsChallengePlayer>(html`<obs-challenge-player .survey=${survey} .challenge=${challenge} .clock=${clock}></obs-challenge-player>`);
      el.guard.settleMs = 0;
      el.addEventListener('obs-player-time', (event) => survey.dispatch({ type: event.detail.action, challengeId: event.detail.challengeId }));
      expect(el.session).to.equal(survey);
      await keyboard.press(el, 'Commencer');
      clock.advance(42_000);
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 18 s');
      await keyboard.press(el, 'Plus de temps');
      expect(survey.state.events.map((event) => event.action.type), 'each action once, by the parent').to.deep.equal(['start', 'startTimeLimit', 'extendTime']);
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 1 min 18 s');
    });

    it('inside a parent that records the answer, its session records nothing of the answer', async () => {
      const el = await player('qroc-capitale');
      el.addEventListener('obs-player-submit', (event) => event.preventDefault());
      await keyboard.type(el, 'Ville', 'Paris');
      await keyboard.press(el, 'Je valide');
      expect(el.session!.state.phase).to.equal('course');
      expect(el.session!.state.events.map((event) => event.action.type)).to.deep.equal(['start']);
    });
  });

  describe('learning mode', () => {
    it('shows the hint, tutorials and links to learn more after a wrong answer', async () => {
      const el = await player('qcu-souris', { mode: 'learning' });
      await keyboard.choose(el, 'Le clavier');
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      const headings = [...root(el).querySelectorAll('h3')].map((h) => textOf(h));
      expect(headings).to.deep.equal(['Pour réussir la prochaine fois', 'Pour en apprendre davantage']);
      expect(textOf(root(el))).to.contain('La souris se tient dans la main.');
      const link = buttonNamed(root(el), /^Utiliser la souris/);
      expect(link.getAttribute('href')).to.equal('https://example.org/souris');
      expect(textOf(link)).to.contain('nouvelle fenêtre');
      expect(status(el)).to.equal('Ce n’est pas la réponse attendue.');
      await expect(el).to.be.accessible();
    });

    it('shows no help after a right answer', async () => {
      const el = await player('qcu-souris', { mode: 'learning' });
      await keyboard.choose(el, 'La souris');
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      expect(root(el).querySelector('.help')).to.equal(null);
      expect(status(el)).to.equal('Bonne réponse !');
    });

    it('shows the help after a skip too (not a success)', async () => {
      const el = await player('qcu-souris', { mode: 'learning' });
      await keyboard.press(el, 'Je passe');
      await keyboard.press(el, 'Oui, je passe');
      await el.updateComplete;
      expect(root(el).querySelectorAll('.help')).to.have.length(2);
    });

    const misses: [string, (el: ObsChallengePlayer) => Promise<void>][] = [
      ['a wrong answer', async (el) => (await keyboard.choose(el, 'Le clavier'), keyboard.press(el, 'Je valide'))],
      ['a skip', async (el) => (await keyboard.press(el, 'Je passe'), keyboard.press(el, 'Oui, je passe'))],
      ['a wrong answer by pointer', async (el) => (await pointer.choose(el, 'Le clavier'), pointer.press(el, 'Je valide'))],
    ];
    for (const [name, miss] of misses)
      it(`after ${name}, focus is on the heading of the help, never on <body>`, async () => {
        const el = await player('qcu-souris', { mode: 'learning' });
        await miss(el);
        await el.updateComplete;
        const focused = deepActiveElement();
        expect(focused).to.not.equal(document.body);
        expect(focused).to.equal(root(el).querySelector('#help-next'));
        expect(textOf(focused)).to.equal('Pour réussir la prochaine fois');
      });

    it('when the parent gives the verdict after the answer, focus goes to the help it brings, never to <body>', async () => {
      const el = await player('qcu-souris', { mode: 'learning' });
      el.addEventListener('obs-player-submit', (event) => {
        event.preventDefault();
        setTimeout(() => (el.result = { status: 'ko' }));
      });
      await keyboard.choose(el, 'Le clavier');
      await keyboard.press(el, 'Je valide');
      await until(() => root(el).querySelector('#help-next') !== null, 'the help is shown');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root(el).querySelector('#help-next'));
    });

    it('measurement mode shows no help after a wrong answer', async () => {
      const el = await player('qcu-souris');
      await keyboard.choose(el, 'Le clavier');
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      expect(root(el).querySelector('.help')).to.equal(null);
      expect(textOf(root(el))).not.to.contain('La souris se tient');
    });
  });

  describe('timer (RGAA 13.1)', () => {
    it('says how much time there is before starting, and the time only runs after "Commencer"', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      expect(textOf(root(el).querySelector('h2'))).to.equal('Défi 2 sur 7 Ce défi est chronométré');
      expect(textOf(root(el))).to.contain('Vous aurez 1 min pour répondre.');
      expect(root(el).querySelector('form')).to.equal(null);
      expect(clock.running).to.equal(0);
      await expect(el).to.be.accessible();
      await keyboard.press(el, 'Commencer');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root(el).querySelector('h2'));
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 1 min');
      expect(status(el)).to.equal('Il reste 1 min.');
      await expect(el).to.be.accessible();
    });

    it('"Plus de temps" doubles the limit, before and while it runs', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await keyboard.press(el, 'Plus de temps');
      await el.updateComplete;
      expect(textOf(root(el))).to.contain('Vous aurez 2 min pour répondre.');
      await pointer.press(el, 'Plus de temps');
      await el.updateComplete;
      expect(textOf(root(el))).to.contain('Vous aurez 4 min pour répondre.');
      expect(status(el)).to.equal('Vous avez maintenant 4 min.');
      await pointer.press(el, 'Commencer');
      clock.advance(200_000);
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 40 s');
      await pointer.press(el, 'Plus de temps');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.timer'))).to.contain('Temps restant : 4 min 40 s');
      clock.advance(270_000);
      const answered = oneEvent(el, 'obs-answer');
      await keyboard.choose(el, 'Réponse A');
      await keyboard.press(el, 'Je valide');
      expect(((await answered) as CustomEvent<AnswerEventDetail>).detail.result.status).to.equal('ok');
    });

    it('"Sans limite de temps" removes the limit', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await keyboard.press(el, 'Commencer');
      await el.updateComplete;
      await keyboard.press(el, 'Sans limite de temps');
      await el.updateComplete;
      expect(root(el).querySelector('.timer')).to.equal(null);
      expect(status(el)).to.equal('Il n’y a plus de limite de temps.');
      expect(clock.running).to.equal(0);
      clock.advance(3_600_000);
      const submitted = oneEvent(el, 'obs-player-submit');
      await keyboard.choose(el, 'Réponse A');
      await keyboard.press(el, 'Je valide');
      expect(((await submitted) as CustomEvent<PlayerSubmitDetail>).detail.timedOut).to.equal(false);
    });

    it('can remove the limit on the first screen', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await pointer.press(el, 'Sans limite de temps');
      await el.updateComplete;
      expect(textOf(root(el))).to.contain('Il n’y a plus de limite de temps pour ce défi.');
      expect(deepActiveElement()).to.equal(buttonNamed(root(el), 'Commencer'));
      await keyboard.press(el, 'Commencer');
      await el.updateComplete;
      expect(root(el).querySelector('.timer')).to.equal(null);
      expect(clock.running).to.equal(0);
    });

    it('announces from a live region that is in the page from the first render, the same node all along', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      const region = root(el).querySelector('[aria-live="polite"]');
      expect(region, 'present before any message').to.not.equal(null);
      expect(textOf(region)).to.equal('');
      await keyboard.press(el, 'Commencer');
      await el.updateComplete;
      expect(status(el)).to.equal('Il reste 1 min.');
      expect(root(el).querySelector('[aria-live="polite"]'), 'the same node speaks the first message').to.equal(region);
      clock.advance(61_000);
      await el.updateComplete;
      expect(root(el).querySelector('[aria-live="polite"]')).to.equal(region);
      await keyboard.choose(el, 'Réponse A');
      await keyboard.press(el, 'Je valide');
      await el.updateComplete;
      expect(root(el).querySelector('[aria-live="polite"]'), 'and the outcome').to.equal(region);
    });

    it('announces the time left at sensible moments, not every second', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await keyboard.press(el, 'Commencer');
      const heard: string[] = [];
      for (let second = 1; second <= 55; second++) {
        clock.advance(1000);
        await el.updateComplete;
        if (heard.at(-1) !== status(el)) heard.push(status(el));
      }
      expect(heard).to.deep.equal(['Il reste 1 min.', 'Il reste 30 s.', 'Il reste 10 s.']);
    });

    it('when the time runs out the person can still answer; the answer is sent as timed out', async () => {
      const clock = new ManualClock();
      const el = await player('qcu-minute', { clock });
      await keyboard.press(el, 'Commencer');
      clock.advance(61_000);
      await el.updateComplete;
      expect(status(el)).to.equal('Le temps est écoulé. Vous pouvez quand même répondre.');
      expect(textOf(root(el).querySelector('.timer'))).to.equal('Le temps est écoulé. Vous pouvez quand même répondre.');
      await expect(el).to.be.accessible();
      const submitted = oneEvent(el, 'obs-player-submit');
      const answered = oneEvent(el, 'obs-answer');
      await keyboard.choose(el, 'Réponse A');
      await keyboard.press(el, 'Je valide');
      expect(((await submitted) as CustomEvent<PlayerSubmitDetail>).detail.timedOut).to.equal(true);
      expect(((await answered) as CustomEvent<AnswerEventDetail>).detail.result.status).to.equal('timedout');
    });

    it('a challenge without a timer is not timed', async () => {
      const clock = new ManualClock();
      const el = await player('qroc-capitale', { clock });
      expect(root(el).querySelector('.timer')).to.equal(null);
      expect(clock.running).to.equal(0);
    });
  });

  describe('interactive challenges', () => {
    it('shows the mediator a clear error and emits obs-error when the widget is not defined', async () => {
      const challenge = { ...challengeById('clic-envoyer'), widget: { name: 'obs-widget-absent' } };
      const errored = new Promise<CustomEvent<ErrorEventDetail>>((resolve) =>
        document.addEventListener('obs-error', (event) => resolve(event as CustomEvent<ErrorEventDetail>), { once: true }),
      );
      const el = await fixture<ObsChallengePlayer>(html`<obs-challenge-player mediator .challenge=${challenge}></obs-challenge-player>`);
      const { detail } = await errored;
      expect(detail.code).to.equal('widget_missing');
      expect(detail.message).to.contain('obs-widget-absent');
      expect(textOf(root(el).querySelector('#failure'))).to.contain('l’élément « obs-widget-absent » n’est pas chargé');
      await expect(el).to.be.accessible();
      const answered = oneEvent(el, 'obs-answer');
      await keyboard.press(el, 'Je passe');
      await keyboard.press(el, 'Oui, je passe');
      expect(((await answered) as CustomEvent<AnswerEventDetail>).detail.result.status).to.equal('aband');
    });

    it('gives the widget its config and language, and disables it once the answer is sent', async () => {
      const el = await player('clic-envoyer', { lang: 'en' });
      const widget = root(el).querySelector('obs-test-click') as HTMLElement & { config: unknown; lang: string; disabled: boolean };
      expect(widget.config).to.deep.equal({ complete: true });
      expect(widget.lang).to.equal('en');
      expect(widget.disabled).to.equal(false);
      await pointer.press(el, 'Send');
      await el.updateComplete;
      expect(widget.disabled, 'a click only selects').to.equal(false);
      await pointer.press(el, 'Submit');
      await el.updateComplete;
      expect(widget.disabled).to.equal(true);
    });

    it('a widget that reports a wrong shape gets an error shown and obs-error, never a verdict', async () => {
      const challenge = { ...challengeById('clic-envoyer'), widget: { name: 'obs-test-click', config: { broken: true } } };
      const el = await fixture<ObsChallengePlayer>(html`<obs-challenge-player .challenge=${challenge}></obs-challenge-player>`);
      let answered = false;
      el.addEventListener('obs-answer', () => (answered = true));
      el.guard.settleMs = 0;
      const errored = oneEvent(el, 'obs-error');
      await pointer.press(el, 'Envoyer');
      await pointer.press(el, 'Je valide');
      const { detail } = (await errored) as CustomEvent<ErrorEventDetail>;
      expect(detail.code).to.equal('answer_shape');
      await el.updateComplete;
      expect(answered).to.equal(false);
      expect(textOf(root(el).querySelector('#failure'))).to.contain('Appuyez sur « Je passe »');
      expect(buttonNamed(root(el), 'Je passe')).to.exist;
    });
  });

  it('switches language at runtime', async () => {
    const el = await player('qroc-capitale');
    el.lang = 'en';
    await el.updateComplete;
    expect(textOf(root(el).querySelector('h2'))).to.equal('Challenge 2 of 7 What is the capital of France?');
    expect(buttonNamed(root(el), 'Submit')).to.exist;
    expect(fieldLabelled(root(el), 'City')).to.exist;
  });

  it('every state passes axe, holds at 320 px, and has targets of at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const id of ['qcu-souris', 'qcm-navigateurs', 'qrocm-ind-identite', 'qroc-liste', 'qroc-phrase', 'clic-envoyer', 'qcu-minute']) {
        const el = await player(id, { mode: 'learning' });
        await expect(el, id).to.be.accessible();
        expect(smallTargets(root(el)), id).to.deep.equal([]);
        expect(overflowing(root(el), 320), id).to.deep.equal([]);
      }
      const el = await player('qcu-souris', { mode: 'learning' });
      await keyboard.press(el, 'Je passe');
      await keyboard.press(el, 'Oui, je passe');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(smallTargets(root(el))).to.deep.equal([]);
      expect(overflowing(root(el), 320)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('answer building (pure)', () => {
  it('a QCM answer lists the ticked indexes in order, once each', () => {
    expect(buildAnswer(challengeById('qcm-navigateurs'), { choices: [3, 1, 3], texts: {} })).to.deep.equal({ answer: '1,3' });
  });
  it('a blank text (spaces only) is empty', () => {
    expect(buildAnswer(challengeById('qroc-capitale'), { choices: [], texts: { ville: ' \u00A0 ' } })).to.deep.equal({
      refusal: { reason: 'empty', fields: ['ville'] },
    });
  });
  it('a proposal order that is not a permutation is ignored', () => {
    expect(displayOrder(3, [1, 1, 2])).to.deep.equal([1, 2, 3]);
    expect(displayOrder(3, [3, 1])).to.deep.equal([1, 2, 3]);
    expect(displayOrder(3, [3, 1, 2])).to.deep.equal([3, 1, 2]);
  });
});
