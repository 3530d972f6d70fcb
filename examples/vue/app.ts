// A Vue 3 host (runtime only, render functions: no template compiler, nothing evaluated at run
// time, so it works under a strict CSP). Vue sets the elements' properties (`.definition` forces
// a property) and turns `onObsSurveyComplete` into a listener of `obs-survey-complete`.
import '@observatoire/elements';
import '@observatoire/content/widgets';
import type { SurveyCompleteDetail } from '@observatoire/elements';
import { createApp, defineComponent, h, ref } from 'vue';

const definition = new URL('../../packages/content/surveys/observatoire-2025.json', document.baseURI).href;

const App = defineComponent({
  name: 'ObservatoireExample',
  setup() {
    const mediator = ref(false);
    const lang = ref<'fr' | 'en'>('fr');
    const done = ref<SurveyCompleteDetail | null>(null);

    const outcome = () => {
      if (!done.value) return '';
      const { courses, sessionId } = done.value.state;
      const ended = courses.filter((course) => course.status === 'ended').length;
      return `${lang.value === 'en' ? 'Survey finished' : 'Enquête terminée'} : ${ended} / ${courses.length} (${sessionId})`;
    };

    return () =>
      h('main', { class: 'page', lang: lang.value }, [
        h('p', [h('a', { href: '../' }, 'Tous les exemples')]),
        h('h1', 'Intégration dans Vue 3'),
        h('p', 'Cette application Vue affiche l’enquête avec l’élément <obs-survey> et écoute l’événement de fin.'),
        h('div', { class: 'controls', role: 'group', 'aria-label': 'Réglages de la démonstration' }, [
          h('label', [
            h('input', {
              type: 'checkbox',
              checked: mediator.value,
              onChange: (event: Event) => (mediator.value = (event.target as HTMLInputElement).checked),
            }),
            ' Un médiateur accompagne la personne',
          ]),
          h('label', [
            'Langue ',
            h('select', { value: lang.value, onChange: (event: Event) => (lang.value = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr') }, [
              h('option', { value: 'fr' }, 'Français'),
              h('option', { value: 'en', lang: 'en' }, 'English'),
            ]),
          ]),
        ]),
        h('obs-survey', {
          '.definition': definition,
          '.lang': lang.value,
          '.mediator': mediator.value,
          organisation: 'exemple-vue',
          onObsSurveyComplete: (event: CustomEvent<SurveyCompleteDetail>) => (done.value = event.detail),
        }),
        h('p', { class: 'outcome', role: 'status' }, outcome()),
      ]);
  },
});

createApp(App).mount('#app');
