import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  ContentError,
  evaluateAnswer,
  parseSurveyDefinition,
  type Challenge,
  type ChallengeAnswer,
  type SurveyDefinition,
} from '@observatoire/core';
import { capacityResults } from '@observatoire/core/analysis';
import { MODE_KEY, MODE_WIDGETS } from '@observatoire/core/widget';
import { diagnosticRapide, observatoire2025, surveyDefinitions } from '../src/index.js';
import { parseWidgetConfig, widgetSpecs } from '../src/widgets/specs.js';
import { contentDir, contentProblems, exportFormatQuestions } from '../check/rules.js';

const raw = (name: string): string => readFileSync(`${contentDir}surveys/${name}.json`, 'utf8');
const json = (name: string): Record<string, unknown> => JSON.parse(raw(name)) as Record<string, unknown>;
const definitions = { 'observatoire-2025': observatoire2025, 'diagnostic-rapide': diagnosticRapide };

/** One shipped configuration of each widget. */
const sample: Record<string, unknown> = Object.fromEntries(
  [...observatoire2025.challenges, ...diagnosticRapide.challenges].flatMap((c) => (c.type === 'interactive' ? [[c.widget.name, c.widget.config]] : [])),
);

/** A copy of a shipped definition, broken by `edit`, then parsed. */
function broken(name: string, edit: (d: any) => void): SurveyDefinition {
  const copy = json(name);
  edit(copy);
  return parseSurveyDefinition(copy);
}

describe('both definitions', () => {
  for (const [name, definition] of Object.entries(definitions)) {
    test(`${name} loads through parseSurveyDefinition, as the package exports it`, () => {
      assert.deepEqual(parseSurveyDefinition(raw(name)), definition);
      assert.equal(definition.id, name);
    });
    test(`${name} breaks no content rule`, () => {
      assert.deepEqual(contentProblems(definition), []);
    });
  }
});

describe('each rule fails on a broken copy', () => {
  test('a definition without provenance is refused by the schema', () => {
    assert.throws(() => broken('observatoire-2025', (d) => delete d.provenance), /provenance/);
  });
  test('a provenance status other than reference or project is refused', () => {
    assert.throws(() => broken('diagnostic-rapide', (d) => (d.provenance.status = 'officiel')), /provenance\.status/);
  });
  test('a missing English text is refused by the schema', () => {
    assert.throws(() => broken('observatoire-2025', (d) => (d.challenges[0].instruction.en = '')), ContentError);
  });
  test('a text left in French in the English version is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.questionnaire.questions[1].options[0].label.en = 'Une femme'));
    assert.deepEqual(contentProblems(d), ['questionnaire.questions[1].options[0].label: not translated ("Une femme" in both languages)']);
  });
  test('a picture without alternative text is refused by the schema', () => {
    assert.throws(() => broken('observatoire-2025', (d) => delete d.challenges[8].illustration.alt), /illustration\.alt/);
  });
  test('an option code unknown to the export format is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.questionnaire.questions[3].options[1].code = 'chomeur'));
    assert.deepEqual(contentProblems(d), ['questionnaire.questions[3].options[1].code: unknown option code "chomeur"']);
  });
  test('a question id unknown to the export format is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.questionnaire.questions[0].id = 'age'));
    assert.match(contentProblems(d).join('\n'), /unknown question id "age"/);
  });
  test('a duplicate challenge id is refused', () => {
    assert.throws(() => broken('diagnostic-rapide', (d) => (d.challenges[1].id = d.challenges[0].id)), /duplicate challenge id/);
  });
  test('a missing hint, skill or learn-more link is reported', () => {
    const d = broken('observatoire-2025', (d) => {
      delete d.challenges[0].skill;
      delete d.challenges[0].help.hint;
      d.challenges[0].help.learnMore = [];
    });
    assert.deepEqual(contentProblems(d), [
      'challenges[0].skill: missing skill',
      'challenges[0].help.hint: missing hint',
      'challenges[0].help.learnMore: needs 1 or 2 links, has 0',
    ]);
  });
  test('a missing picture file is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.challenges[8].illustration.src = '../pictures/absente.svg'));
    assert.deepEqual(contentProblems(d), ['challenges[8].illustration.src: no file ../pictures/absente.svg']);
  });
  test('a timer in the quick diagnostic is reported', () => {
    const d = broken('diagnostic-rapide', (d) => (d.challenges[0].timer = 60));
    assert.deepEqual(contentProblems(d), ['challenges[0].timer: the quick diagnostic is untimed']);
  });
  test('a solution the widget can never report is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.challenges[0].solution = { clicked: ['valider'] }));
    assert.deepEqual(contentProblems(d), ['challenges[0].solution.clicked: "valider" can never be reported']);
  });
  test('a solution on how the task was done (mode) is reported', () => {
    const index = json('observatoire-2025')['challenges'] as { id: string }[];
    const at = index.findIndex((c) => c.id === 'glisser-photo');
    const d = broken('observatoire-2025', (d) => (d.challenges[at].solution = { folder: ['animaux'], mode: ['drag'] }));
    assert.deepEqual(contentProblems(d), [`challenges[${at}].solution.mode: success never depends on how the task was done`]);
  });
  test('the widgets that report a mode are the ones the collector exports it for', () => {
    const reporting = Object.values(widgetSpecs).filter((spec) => MODE_KEY in spec.reported(parseWidgetConfig(spec, sample[spec.name]))).map((s) => s.name);
    assert.deepEqual(reporting, [...MODE_WIDGETS]);
  });
  test('an unknown widget is reported', () => {
    const d = broken('observatoire-2025', (d) => (d.challenges[0].widget.name = 'obs-w-inconnu'));
    assert.deepEqual(contentProblems(d), ['challenges[0].widget.name: unknown widget "obs-w-inconnu"']);
  });
});

describe('the Observatoire survey', () => {
  const d = observatoire2025;
  test('says it is the project\'s own implementation, in its metadata and on its information screen', () => {
    assert.equal(d.provenance.status, 'project');
    assert.match(d.provenance.description?.fr ?? '', /pas les défis officiels de Pix/);
    assert.match(d.information.body.map((p) => p.fr).join(' '), /Ce ne sont pas les tests officiels de Pix/);
  });
  test('the information screen counts the questions as they can be shown (13, or 14 with the sub-themes)', () => {
    assert.match(d.information.body.map((p) => p.fr).join(' '), /13 ou 14 questions/);
  });
  test('asks the questions of docs/export-format.md, in its order, with its codes', () => {
    assert.deepEqual(d.questionnaire?.questions.map((q) => q.id), [...exportFormatQuestions().keys()]);
  });
  test('has 13 questions plus the administrative sub-themes shown only for "démarches administratives"', () => {
    const questions = d.questionnaire?.questions ?? [];
    assert.equal(questions.filter((q) => !q.visibleWhen).length, 13);
    const sub = questions.find((q) => q.id === 'thematiques_demarches');
    assert.deepEqual(sub?.visibleWhen, { question: 'thematiques', anyOf: ['aide_aux_demarches_administratives'] });
  });
  test('the commune question is of kind "commune" and the year of birth of kind "year"', () => {
    const kinds = Object.fromEntries((d.questionnaire?.questions ?? []).map((q) => [q.id, q.kind]));
    assert.equal(kinds.commune, 'commune');
    assert.equal(kinds.annee_naissance, 'year');
    assert.equal(kinds.appareils, 'multiple');
    assert.equal(kinds.thematiques, 'multiple');
  });
  test('"aucun appareil" excludes the other devices', () => {
    const appareils = d.questionnaire?.questions.find((q) => q.id === 'appareils');
    assert.ok(appareils && 'options' in appareils);
    assert.deepEqual(appareils.options.filter((o) => o.exclusive).map((o) => o.code), ['aucun']);
  });
  test('sensitive questions offer "je préfère ne pas répondre" as non_communique', () => {
    for (const id of ['genre', 'situation', 'diplome']) {
      const question = d.questionnaire?.questions.find((q) => q.id === id);
      assert.ok(question && 'options' in question, id);
      assert.equal(question.options.find((o) => o.code === 'non_communique')?.label.fr, 'Je préfère ne pas répondre', id);
    }
  });
  test('no question takes a Coop field name for another meaning (materiel, orientation)', () => {
    const ids = d.questionnaire?.questions.map((q) => q.id) ?? [];
    assert.ok(!ids.includes('materiel') && !ids.includes('orientation'));
  });
  test('has the courses manipulation (3), bases (7) and culture (5)', () => {
    assert.deepEqual(d.courses.map((c) => [c.id, c.challenges.length]), [['manipulation', 3], ['bases', 7], ['culture', 5]]);
  });
  test('course 1 is all interactive, course 2 mixes interactive and QCU/QROC, course 3 is QCU/QCM/QROC', () => {
    const types = (course: number) => new Set(d.courses[course]?.challenges.map((id) => d.challenges.find((c) => c.id === id)?.type));
    assert.deepEqual([...types(0)], ['interactive']);
    assert.ok(types(1).has('interactive') && (types(1).has('QCU') || types(1).has('QROC')));
    assert.ok([...types(2)].every((t) => t === 'QCU' || t === 'QCM' || t === 'QROC'));
  });
  test('the staircase climbs on the tags: each course is harder than the one before (mean level up, no lower floor or ceiling)', () => {
    const levels = d.courses.map((course) => course.challenges.map((id) => d.challenges.find((c) => c.id === id)?.skill?.level ?? 0));
    const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
    for (let n = 1; n < levels.length; n++) {
      const [before, after] = [levels[n - 1] ?? [], levels[n] ?? []];
      assert.ok(mean(after) > mean(before), `course ${n + 1} mean ${mean(after)} > course ${n} mean ${mean(before)}`);
      assert.ok(Math.min(...after) >= Math.min(...before) && Math.max(...after) >= Math.max(...before), `course ${n + 1}`);
    }
  });
  test('the culture course covers search engines, advertising, reliable information, social networks and AI', () => {
    assert.deepEqual(d.courses[2]?.challenges, ['navigateur-ou-moteur', 'gratuit-publicite', 'indices-fiabilite', 'fil-actualite', 'reponse-ia']);
  });
  test('the SMS code is read in the picture, not in the instruction', () => {
    const sms = d.challenges.find((c) => c.id === 'code-sms');
    assert.ok(sms && !/482/.test(sms.instruction.fr));
    assert.match(readFileSync(`${contentDir}pictures/sms-code.svg`, 'utf8'), /482 915/);
  });
  test('chains courses at more than 60 % within 15 minutes', () => {
    assert.deepEqual(d.chaining, { successThreshold: 0.6, testTimeBudgetSeconds: 900 });
  });
  test('the information screen says no name is asked (never "anonymous": year, commune and gender can identify), same device, and stopping at the end of a course', () => {
    const body = d.information.body.map((p) => p.fr).join(' ');
    assert.match(body, /ni votre nom/);
    assert.doesNotMatch(body, /anonyme/);
    assert.match(body, /même appareil/);
    assert.match(body, /arrêter à la fin de chaque parcours/);
    assert.ok(d.information.consent.fr.length > 0);
  });
});

describe('the quick diagnostic', () => {
  const d = diagnosticRapide;
  test('has 10 challenges, no questionnaire and no timer anywhere', () => {
    assert.equal(d.challenges.length, 10);
    assert.equal(d.courses.flatMap((c) => c.challenges).length, 10);
    assert.equal(d.questionnaire, undefined);
    assert.ok(d.challenges.every((c) => c.timer === undefined));
  });
  test('shares no challenge with the survey or the adaptive bank, by id or by instruction', () => {
    const bank = JSON.parse(readFileSync(`${contentDir}adaptive/bank-2026.json`, 'utf8')) as { items: { challenge: Challenge }[] };
    const others = [...observatoire2025.challenges, ...bank.items.map((item) => item.challenge)];
    for (const challenge of d.challenges) {
      assert.ok(!others.some((o) => o.id === challenge.id), challenge.id);
      assert.ok(!others.some((o) => o.instruction.fr === challenge.instruction.fr), challenge.id);
    }
  });
  test('reports a result per capacity (identify, handle, use a service online), in words', () => {
    assert.deepEqual(d.capacities?.map((c) => c.id), ['identifier', 'manipuler', 'service_en_ligne']);
    assert.ok(d.challenges.every((c) => c.capacity !== undefined));
    const results = capacityResults(d, Object.fromEntries(d.challenges.map((c) => [c.id, c.capacity === 'manipuler' ? 'ok' : 'ko'])));
    assert.deepEqual(results.map((r) => [r.id, r.level]), [['identifier', 'notYet'], ['manipuler', 'mastered'], ['service_en_ligne', 'notYet']]);
    assert.equal(results[1]?.words.fr, 'Appuie, écrit et déplace sans aide.');
  });
});

/** For each challenge: answers that must give `ok`, answers that must not. */
const cases: Record<string, { right: ChallengeAnswer[]; wrong: ChallengeAnswer[] }> = {
  'cliquer-bouton': { right: [{ clicked: 'envoyer' }], wrong: [{ clicked: 'annuler' }, { clicked: 'retour' }] },
  'ecrire-mot': { right: [{ typed: '1234' }, { typed: ' 1 2 3 4 ' }], wrong: [{ typed: '1243' }, { typed: '123' }, { typed: '' }] },
  'glisser-photo': {
    right: [{ folder: 'animaux', mode: 'drag' }, { folder: 'animaux', mode: 'keyboard' }, { folder: 'animaux', mode: 'tap' }, { folder: 'animaux' }],
    wrong: [{ folder: 'famille', mode: 'drag' }, { mode: 'drag' }],
  },
  'navigateur-adresse': { right: [{ tab: 'onglet-1', page: 'mairie', address: 'www.ville-exemple.fr' }], wrong: [{ tab: 'onglet-1', page: 'introuvable', address: 'ville' }] },
  'navigateur-onglet': { right: [{ tab: 'onglet-meteo', page: 'meteo', address: 'www.meteo-exemple.fr' }], wrong: [{ tab: 'onglet-recettes', page: 'recettes', address: 'x' }] },
  'messagerie-piece-jointe': { right: [{ message: 'caf', attachment: 'attestation' }], wrong: [{ message: 'caf', attachment: '' }, { message: 'club', attachment: 'plan' }] },
  'formulaire-date': { right: [{ nom: '', prenom: '', naissance: '05/03/1958' }, { naissance: ' 05 / 03 / 1958' }], wrong: [{ naissance: '5/3/1958' }, { naissance: '05-03-1958' }, { naissance: '05/03/58' }] },
  'service-public-horaires': { right: [{ section: 'horaires', answer: '12 h' }, { answer: '12h' }, { answer: 'Midi' }, { answer: '12:00' }], wrong: [{ answer: '17 h' }, { answer: '13h00' }] },
  'code-sms': { right: ['482915', '482 915'], wrong: ['482916', '48291'] },
  'telecharger-document': {
    right: [{ downloaded: 'attestation', opened: 'attestation' }],
    wrong: [{ downloaded: 'attestation', opened: '' }, { downloaded: '', opened: '' }],
  },
  'navigateur-ou-moteur': { right: ['1'], wrong: ['2', '3'] },
  'gratuit-publicite': { right: ['1'], wrong: ['2', '4'] },
  'indices-fiabilite': { right: ['1,2', '2,1'], wrong: ['1', '1,3', '1,2,3'] },
  'fil-actualite': { right: ['1'], wrong: ['2'] },
  'reponse-ia': { right: ['1'], wrong: ['3'] },
  'diag-appareil': { right: ['2'], wrong: ['1'] },
  'diag-navigateur': { right: ['1'], wrong: ['2'] },
  'diag-adresse-mail': { right: ['1'], wrong: ['2'] },
  'diag-document': { right: ['1'], wrong: ['2'] },
  'diag-appuyer-imprimer': { right: [{ clicked: 'imprimer' }], wrong: [{ clicked: 'partager' }, { clicked: 'supprimer' }] },
  'diag-ecrire-ville': { right: [{ typed: 'Paris' }, { typed: 'paris' }], wrong: [{ typed: 'Pari' }, { typed: '' }] },
  'diag-ranger-facture': { right: [{ folder: 'papiers', mode: 'keyboard' }], wrong: [{ folder: 'photos', mode: 'drag' }] },
  'diag-formulaire-inscription': { right: [{ nom: 'Martin', prenom: 'Marie' }, { nom: ' martin', prenom: 'MARIE ' }], wrong: [{ nom: 'Marie', prenom: 'Martin' }, { nom: 'Martin', prenom: '' }] },
  'diag-page-telephone': { right: [{ section: 'contact', answer: '02 98 76 54 32' }, { answer: '0298765432' }], wrong: [{ answer: '02 98 76 54 33' }, { answer: '' }] },
  'diag-mail-ordonnance': { right: [{ message: 'cabinet', attachment: 'ordonnance' }], wrong: [{ message: 'cabinet', attachment: '' }, { message: 'banque', attachment: 'releve' }] },
};

describe('every challenge is checked as intended', () => {
  const all = new Map<string, Challenge>();
  for (const d of Object.values(definitions)) for (const c of d.challenges) all.set(c.id, c);
  test('every challenge has cases', () => assert.deepEqual([...all.keys()].sort(), Object.keys(cases).sort()));
  for (const [id, { right, wrong }] of Object.entries(cases)) {
    test(id, () => {
      const challenge = all.get(id);
      assert.ok(challenge, id);
      for (const answer of right) assert.equal(evaluateAnswer(challenge, answer).status, 'ok', `${JSON.stringify(answer)} should be right`);
      for (const answer of wrong) assert.equal(evaluateAnswer(challenge, answer).status, 'ko', `${JSON.stringify(answer)} should be wrong`);
      assert.equal(evaluateAnswer(challenge, null).status, 'aband');
    });
  }
});

describe('widget configurations', () => {
  test('a broken configuration gives a ContentError naming the path', () => {
    const spec = widgetSpecs['obs-w-click']!;
    assert.throws(
      () => parseWidgetConfig(spec, { buttons: [{ id: 'a', label: { fr: 'A', en: '' } }] }),
      (e: unknown) => e instanceof ContentError && e.issues[0]?.path === 'widget.config.buttons' && /at least 2/.test(e.message),
    );
    assert.throws(
      () => parseWidgetConfig(spec, { buttons: [{ id: 'a', label: { fr: 'A', en: '' } }, { id: 'b', label: { fr: 'B', en: 'B' } }] }),
      (e: unknown) => e instanceof ContentError && e.issues[0]?.path === 'widget.config.buttons[0].label.en',
    );
  });
  test('duplicate ids, unknown fields and a missing configuration are refused', () => {
    const spec = widgetSpecs['obs-w-drag']!;
    const folder = { id: 'a', label: { fr: 'A', en: 'A' } };
    assert.throws(() => parseWidgetConfig(spec, { item: folder.label, folders: [folder, folder] }), /folders\[1\]\.id: obs-w-drag: duplicate id "a"/);
    assert.throws(() => parseWidgetConfig(spec, { item: folder.label, folders: [folder, { ...folder, id: 'b' }], colour: 'red' }), /unknown field "colour"/);
    assert.throws(() => parseWidgetConfig(spec, undefined), /widget\.config\.item/);
  });
  test('a browser tab must only visit pages of the configuration', () => {
    const spec = widgetSpecs['obs-w-browser']!;
    const page = { id: 'p', address: 'www.a.fr', title: { fr: 'A', en: 'A' }, text: [{ fr: 'a', en: 'b' }] };
    assert.throws(() => parseWidgetConfig(spec, { pages: [page], tabs: [{ id: 't', history: ['q'] }] }), /every page of a tab history/);
    assert.throws(() => parseWidgetConfig(spec, { pages: [{ ...page, address: 'pas une adresse' }], tabs: [{ id: 't', history: ['p'] }] }), /pages\[0\]\.address/);
  });
});

describe('weight', () => {
  test('content and pictures stay small (each definition < 16 KB gzip, each picture < 2 KB)', () => {
    for (const name of Object.keys(definitions)) assert.ok(gzipSync(raw(name)).length < 16 * 1024, name);
    for (const file of readdirSync(`${contentDir}pictures`)) assert.ok(statSync(`${contentDir}pictures/${file}`).size < 2048, file);
  });
});

describe('surveyDefinitions', () => {
  test('lists every shipped survey file once, parsed', () => {
    const files = readdirSync(`${contentDir}surveys`).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
    assert.deepEqual(surveyDefinitions.map((d) => d.id).sort(), files.sort());
    assert.deepEqual(surveyDefinitions, [observatoire2025, diagnosticRapide]);
  });
});
