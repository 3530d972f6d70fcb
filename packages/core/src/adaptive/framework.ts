/**
 * The framework of the profile as plain data (docs/adaptive.md, "Profile"): the 5 areas and
 * 16 competences of DigComp 2.1 as the reference platform numbers them, named in French and English.
 */
import type { LocalizedText } from '../content/types.js';

export interface FrameworkEntry {
  code: string;
  name: LocalizedText;
}

export const AREAS: readonly FrameworkEntry[] = Object.freeze([
  { code: '1', name: { fr: 'Informations et données', en: 'Information and data' } },
  { code: '2', name: { fr: 'Communication et collaboration', en: 'Communication and collaboration' } },
  { code: '3', name: { fr: 'Création de contenus', en: 'Content creation' } },
  { code: '4', name: { fr: 'Protection et sécurité', en: 'Safety and security' } },
  { code: '5', name: { fr: 'Environnement numérique', en: 'Digital environment' } },
]);

export const COMPETENCES: readonly FrameworkEntry[] = Object.freeze([
  { code: '1.1', name: { fr: 'Mener une recherche et une veille d’information', en: 'Searching and monitoring information' } },
  { code: '1.2', name: { fr: 'Gérer des données', en: 'Managing data' } },
  { code: '1.3', name: { fr: 'Traiter des données', en: 'Processing data' } },
  { code: '2.1', name: { fr: 'Interagir', en: 'Interacting' } },
  { code: '2.2', name: { fr: 'Partager et publier', en: 'Sharing and publishing' } },
  { code: '2.3', name: { fr: 'Collaborer', en: 'Collaborating' } },
  { code: '2.4', name: { fr: 'S’insérer dans le monde numérique', en: 'Taking part in the digital world' } },
  { code: '3.1', name: { fr: 'Développer des documents textuels', en: 'Creating text documents' } },
  { code: '3.2', name: { fr: 'Développer des documents multimédia', en: 'Creating multimedia documents' } },
  { code: '3.3', name: { fr: 'Adapter les documents à leur finalité', en: 'Adapting documents to their purpose' } },
  { code: '3.4', name: { fr: 'Programmer', en: 'Programming' } },
  { code: '4.1', name: { fr: 'Sécuriser l’environnement numérique', en: 'Securing the digital environment' } },
  { code: '4.2', name: { fr: 'Protéger les données personnelles et la vie privée', en: 'Protecting personal data and privacy' } },
  { code: '4.3', name: { fr: 'Protéger la santé, le bien-être et l’environnement', en: 'Protecting health, well-being and the environment' } },
  { code: '5.1', name: { fr: 'Résoudre des problèmes techniques', en: 'Solving technical problems' } },
  { code: '5.2', name: { fr: 'Évoluer dans un environnement numérique', en: 'Finding one’s way in a digital environment' } },
]);
