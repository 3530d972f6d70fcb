/**
 * A skill tag in words, for the mediator's results card and the referral sheet (docs/player.md): the name the content
 * gives its competence (`competences` of the definition, docs/content.md "Skills"), else the framework's
 * own name for that code (DigComp, as `@observatoire/core/adaptive` names it), so the card never shows a
 * bare code such as "4.1" for the shipped content or any DigComp-tagged content.
 */
import type { LocalizedText, Skill, SurveyDefinition } from '@observatoire/core';
import { AREAS, COMPETENCES } from '@observatoire/core/adaptive';

/**
 * The name of a skill tag's competence (or area, for a tag without competence); `undefined` when
 * neither the content nor the framework names the code.
 *
 * @example
 * skillName(definition, { area: '1', competence: '1.1', level: 2 })?.fr; // 'Mener une recherche et une veille d’information'
 */
export function skillName(definition: Pick<SurveyDefinition, 'competences'>, skill: Skill): LocalizedText | undefined {
  const code = skill.competence ?? skill.area;
  const framework = skill.competence !== undefined ? COMPETENCES : AREAS;
  return definition.competences?.find((named) => named.code === code)?.name ?? framework.find((entry) => entry.code === code)?.name;
}
