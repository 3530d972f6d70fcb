/**
 * Every interactive challenge of the shipped content, played by keyboard only through
 * `<obs-challenge-player>`: once right (`ok`), once wrong (`ko`). Content → player → widget →
 * report → core check.
 */
import { playAll, press, steps, type, enter, validate } from './play.test-helpers.js';

playAll('interactive challenges, by keyboard through <obs-challenge-player>', {
  'cliquer-bouton': { right: steps(press('Envoyer'), validate), wrong: steps(press('Annuler'), validate) },
  'ecrire-mot': { right: steps(type('Votre texte', '1234'), validate), wrong: steps(type('Votre texte', '1243'), validate) },
  'glisser-photo': {
    right: steps(press('Photo du chat'), press('Animaux'), validate),
    wrong: steps(press('Photo du chat'), press('Famille'), validate),
  },
  'navigateur-adresse': {
    right: steps(type('Barre d’adresse', 'www.ville-exemple.fr'), enter, validate),
    wrong: steps(type('Barre d’adresse', 'www.ville.fr'), enter, validate),
  },
  'navigateur-onglet': { right: steps(press('Météo'), validate), wrong: steps(press('Recettes'), validate) },
  'messagerie-piece-jointe': {
    right: steps(press(/^CAF/), press('attestation-caf.pdf'), validate),
    wrong: steps(press(/^CAF/), validate), // the message opened, not its attachment
  },
  'formulaire-date': {
    // Enter in a widget field never sends the challenge: "Je valide" does.
    right: steps(type('Date de naissance', '05/03/1958'), enter, validate),
    wrong: steps(type('Date de naissance', '5/3/1958'), enter, validate),
  },
  'service-public-horaires': {
    right: steps(press('Horaires et contact'), type('Votre réponse', '12 h'), validate),
    wrong: steps(press('Horaires et contact'), type('Votre réponse', '17 h'), validate),
  },
  'telecharger-document': {
    right: steps(press('Télécharger'), press('attestation-caf.pdf Ouvrir'), validate),
    wrong: steps(press('Télécharger'), validate), // downloaded, never opened
  },
  'diag-appuyer-imprimer': { right: steps(press('🖨 Imprimer'), validate), wrong: steps(press('🗑 Supprimer'), validate) },
  'diag-ecrire-ville': { right: steps(type('Ville', 'Paris'), validate), wrong: steps(type('Ville', 'Pari'), validate) },
  'diag-ranger-facture': {
    right: steps(press('Facture d’électricité'), press('Papiers'), validate),
    wrong: steps(press('Facture d’électricité'), press('Photos'), validate),
  },
  'diag-formulaire-inscription': {
    right: steps(type('Nom', 'Martin'), type('Prénom', 'Marie'), enter, validate),
    wrong: steps(type('Nom', 'Marie'), type('Prénom', 'Martin'), enter, validate),
  },
  'diag-page-telephone': {
    right: steps(press('Nous contacter'), type('Votre réponse', '02 98 76 54 32'), validate),
    wrong: steps(press('Nous contacter'), type('Votre réponse', '02 98 76 54 33'), validate),
  },
  'diag-mail-ordonnance': {
    right: steps(press(/^Cabinet médical/), press('ordonnance.pdf'), validate),
    wrong: steps(press(/^Ma banque/), press('releve-mai.pdf'), validate),
  },
});
