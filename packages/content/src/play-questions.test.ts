/**
 * Every QCU, QCM and QROC challenge of the shipped content, played by keyboard through
 * `<obs-challenge-player>`: once right (`ok`), once wrong (`ko`) or skipped (`aband`).
 */
import { expect } from '@open-wc/testing';
import { parseSurveyDefinition } from '@observatoire/core';
import { choose, playAll, skip, steps, surveysUrl, type, validate, type Play } from './play.test-helpers.js';

const plays: Record<string, Play> = {
  'code-sms': { right: steps(type('Code reçu', '482 915'), validate), wrong: skip, wrongStatus: 'aband' },
  'telecharger-document': { right: steps(choose('Le bouton 2'), validate), wrong: steps(choose('Le bouton 3'), validate) },
  hameconnage: {
    right: steps(choose('Il faut payer très vite.'), choose('L’adresse du site est inconnue et bizarre.'), validate),
    wrong: steps(choose('Il faut payer très vite.'), choose('Le message est court.'), validate),
  },
  cookies: { right: steps(choose('Votre accord pour garder des informations sur votre visite'), validate), wrong: steps(choose('Votre mot de passe'), validate) },
  'site-officiel': { right: steps(choose('ants.gouv.fr'), validate), wrong: steps(choose('ants.gouv.fr.demande-rapide.com'), validate) },
  'donnees-personnelles': {
    right: steps(choose('Le code secret de votre carte bancaire'), choose('Votre mot de passe'), choose('Le code reçu par SMS pour valider un paiement'), validate),
    wrong: steps(choose('Le code secret de votre carte bancaire'), choose('Votre mot de passe'), validate),
  },
  'mise-a-jour': { right: steps(choose('À corriger des problèmes et à mieux protéger l’appareil'), validate), wrong: skip, wrongStatus: 'aband' },
  'diag-appareil': { right: steps(choose('Une tablette'), validate), wrong: steps(choose('Un ordinateur portable'), validate) },
  'diag-navigateur': { right: steps(choose('Un navigateur (par exemple Chrome, Firefox ou Safari)'), validate), wrong: steps(choose('Une calculatrice'), validate) },
  'diag-adresse-mail': { right: steps(choose('marie.martin@exemple.fr'), validate), wrong: steps(choose('www.exemple.fr'), validate) },
  'diag-document': { right: steps(choose('Un document'), validate), wrong: steps(choose('Une photo'), validate) },
};

const interactive = ['cliquer-bouton', 'ecrire-mot', 'glisser-photo', 'navigateur-adresse', 'navigateur-onglet', 'messagerie-piece-jointe', 'formulaire-date', 'service-public-horaires'];

it('every shipped challenge is played (here or in play-interactive.test.ts)', async () => {
  const ids = new Set<string>();
  for (const name of ['observatoire-2025', 'diagnostic-rapide']) {
    const definition = parseSurveyDefinition(await (await fetch(new URL(`${name}.json`, surveysUrl))).json());
    for (const challenge of definition.challenges) ids.add(challenge.id);
  }
  expect([...ids].sort()).to.deep.equal([...interactive, ...Object.keys(plays)].sort());
});

playAll('QCU, QCM and QROC challenges, by keyboard through <obs-challenge-player>', plays);
