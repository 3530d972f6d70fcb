/**
 * Every QCU, QCM and QROC challenge of the shipped content, played by keyboard through
 * `<obs-challenge-player>`: once right (`ok`), once wrong (`ko`) or skipped (`aband`).
 */
import { expect } from '@open-wc/testing';
import { parseSurveyDefinition } from '@observatoire/core';
import { choose, playAll, skip, steps, surveysUrl, type, validate, type Play } from './play.test-helpers.js';

const plays: Record<string, Play> = {
  'code-sms': { right: steps(type('Code reçu', '482 915'), validate), wrong: skip, wrongStatus: 'aband' },
  'navigateur-ou-moteur': { right: steps(choose('Un moteur de recherche, comme Google ou Qwant'), validate), wrong: steps(choose('Le navigateur, comme Chrome ou Firefox'), validate) },
  'gratuit-publicite': { right: steps(choose('Avec de la publicité choisie selon ce que vous regardez'), validate), wrong: steps(choose('Avec une aide de l’État pour rester gratuit'), validate) },
  'indices-fiabilite': {
    right: steps(choose('Qui a écrit l’article, et quel est son métier'), choose('Si l’article cite ses sources, par exemple une étude'), validate),
    wrong: steps(choose('Qui a écrit l’article, et quel est son métier'), choose('Le nombre de personnes qui ont partagé l’article'), validate),
  },
  'fil-actualite': { right: steps(choose('Par un programme, selon ce qui vous fait réagir et rester'), validate), wrong: steps(choose('Dans l’ordre où vos amis les ont publiées'), validate) },
  'reponse-ia': { right: steps(choose('Je la vérifie sur impots.gouv.fr, car elle peut être fausse'), validate), wrong: skip, wrongStatus: 'aband' },
  'diag-appareil': { right: steps(choose('Une tablette'), validate), wrong: steps(choose('Un ordinateur portable'), validate) },
  'diag-navigateur': { right: steps(choose('Un navigateur, par exemple Chrome ou Firefox'), validate), wrong: steps(choose('Une calculatrice'), validate) },
  'diag-adresse-mail': { right: steps(choose('marie.martin@exemple.fr'), validate), wrong: steps(choose('www.exemple.fr'), validate) },
  'diag-document': { right: steps(choose('Un document'), validate), wrong: steps(choose('Une photo'), validate) },
};

const interactive = [
  'cliquer-bouton', 'ecrire-mot', 'glisser-photo', 'navigateur-adresse', 'navigateur-onglet', 'messagerie-piece-jointe', 'formulaire-date', 'service-public-horaires',
  'telecharger-document', 'diag-appuyer-imprimer', 'diag-ecrire-ville', 'diag-ranger-facture', 'diag-formulaire-inscription', 'diag-page-telephone', 'diag-mail-ordonnance',
];

it('every shipped challenge is played (here or in play-interactive.test.ts)', async () => {
  const ids = new Set<string>();
  for (const name of ['observatoire-2025', 'diagnostic-rapide']) {
    const definition = parseSurveyDefinition(await (await fetch(new URL(`${name}.json`, surveysUrl))).json());
    for (const challenge of definition.challenges) ids.add(challenge.id);
  }
  expect([...ids].sort()).to.deep.equal([...interactive, ...Object.keys(plays)].sort());
});

playAll('QCU, QCM and QROC challenges, by keyboard through <obs-challenge-player>', plays);
