/**
 * The questionnaire's templates prepared in idle time, so that "Suivant" only fills them in.
 *
 * lit parses a template's HTML the first time it draws it (a `<template>` element, then a walk
 * to find its parts) and keeps the result for the page's life. Without this, the first question
 * of each kind (a year, a choice, several choices, the commune) and the review page pay that
 * parse on the click that shows them. Drawing one question of each kind, and the review, once
 * into a detached fragment while the person reads does it out of their way; nothing is shown,
 * nothing is dispatched (docs/loading.md, "Where the time went").
 */
import { render } from 'lit';
import type { Question, Questionnaire } from '@observatoire/core';
import { whenIdle } from '../shared/after-paint.js';
import type { QuestionnaireModel } from './model.js';
import { renderQuestion, type QuestionView } from './questions.js';
import { renderReview, type ReviewView } from './review.js';

const noop = (): void => undefined;
const warmed = new WeakSet<Questionnaire>();

/**
 * `warmTemplates` in the next idle period, once per questionnaire.
 *
 * @example
 * if (model.stage === 'answering') warmWhenIdle(model, { lang: 'fr', t, mediator: false });
 */
export function warmWhenIdle(model: QuestionnaireModel, view: Pick<QuestionView, 'lang' | 't' | 'mediator'>): void {
  if (warmed.has(model.questionnaire)) return;
  warmed.add(model.questionnaire);
  whenIdle(() => warmTemplates(model, view));
}

/**
 * Draw one question of each kind of `model`'s questionnaire, and its review, off screen.
 *
 * @example
 * whenIdle(() => warmTemplates(model, { lang: 'fr', t, mediator: false }));
 */
export function warmTemplates(model: QuestionnaireModel, view: Pick<QuestionView, 'lang' | 't' | 'mediator'>): void {
  const questionView: QuestionView = {
    ...view,
    onePage: false,
    error: () => '',
    prefilled: () => false,
    draft: () => ({ postal: '', status: 'idle', rows: [] }),
    answer: noop,
    typePostalCode: noop,
    retry: noop,
  };
  const reviewView: ReviewView = { lang: view.lang, t: view.t, change: noop, validate: noop };
  const kinds = new Map<Question['kind'], Question>();
  for (const question of model.questionnaire.questions) if (!kinds.has(question.kind)) kinds.set(question.kind, question);
  const fragment = document.createDocumentFragment();
  for (const question of kinds.values()) render(renderQuestion(question, undefined, questionView), fragment);
  const review: QuestionnaireModel = {
    questionnaire: model.questionnaire, answers: model.answers, filledByMediator: false, prefilled: [], testRun: false,
    stage: 'review', paper: false, now: () => model.now(), currentYear: model.currentYear, dispatch: noop,
  };
  render(renderReview(review, reviewView), fragment);
}
