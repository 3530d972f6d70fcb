// An Angular host: a standalone component with CUSTOM_ELEMENTS_SCHEMA binds the elements'
// properties (`[definition]`) and events (`(obs-survey-complete)`), without zone.js (signals and
// zoneless change detection). Compiled ahead of time (ngc, then the Angular linker while bundling:
// README.md), so nothing is compiled or evaluated in the browser.
import '@observatoire/elements';
import '@observatoire/content/widgets';
import type { SurveyCompleteDetail } from '@observatoire/elements';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

const definition = new URL('../../packages/content/surveys/observatoire-2025.json', document.baseURI).href;

@Component({
  selector: 'obs-example-app',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main class="page" [attr.lang]="lang()">
      <p><a href="../">Tous les exemples</a></p>
      <h1>Intégration dans Angular</h1>
      <p>Cette application Angular affiche l’enquête avec l’élément &lt;obs-survey&gt; et écoute l’événement de fin.</p>
      <div class="controls" role="group" aria-label="Réglages de la démonstration">
        <label><input #mediatorBox type="checkbox" [checked]="mediator()" (change)="mediator.set(mediatorBox.checked)" /> Un médiateur accompagne la personne</label>
        <label>Langue
          <select #langBox [value]="lang()" (change)="setLang(langBox.value)">
            <option value="fr">Français</option>
            <option value="en" lang="en">English</option>
          </select>
        </label>
      </div>
      <obs-survey
        [definition]="definition"
        [lang]="lang()"
        [mediator]="mediator()"
        organisation="exemple-angular"
        (obs-survey-complete)="complete($event)"
      ></obs-survey>
      <p class="outcome" role="status">{{ outcome() }}</p>
    </main>
  `,
})
export class App {
  readonly definition = definition;
  readonly mediator = signal(false);
  readonly lang = signal<'fr' | 'en'>('fr');
  readonly done = signal<SurveyCompleteDetail | null>(null);

  setLang(value: string): void {
    this.lang.set(value === 'en' ? 'en' : 'fr');
  }

  complete(event: Event): void {
    this.done.set((event as CustomEvent<SurveyCompleteDetail>).detail);
  }

  outcome(): string {
    const done = this.done();
    if (!done) return '';
    const { courses, sessionId } = done.state;
    const ended = courses.filter((course) => course.status === 'ended').length;
    return `${this.lang() === 'en' ? 'Survey finished' : 'Enquête terminée'} : ${ended} / ${courses.length} (${sessionId})`;
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error('Observatoire example:', error));
