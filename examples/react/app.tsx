// A React 19 host: the elements are used directly as JSX tags. React 19 sets their properties
// and attaches `on<event-name>` handlers as event listeners.
import '@observatoire/elements';
import '@observatoire/content/widgets';
import type { SurveyCompleteDetail } from '@observatoire/elements';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const definition = new URL('../../packages/content/surveys/observatoire-2025.json', document.baseURI).href;

function App() {
  const [mediator, setMediator] = useState(false);
  const [lang, setLang] = useState<'fr' | 'en'>('fr');
  const [done, setDone] = useState<SurveyCompleteDetail | null>(null);
  const courses = done?.state.courses.filter((course) => course.status === 'ended').length ?? 0;

  return (
    <main className="page" lang={lang}>
      <p>
        <a href="../">Tous les exemples</a>
      </p>
      <h1>Intégration dans React 19</h1>
      <p>Cette application React affiche l’enquête avec la balise JSX &lt;obs-survey&gt; et écoute l’événement de fin.</p>
      <div className="controls" role="group" aria-label="Réglages de la démonstration">
        <label>
          <input type="checkbox" checked={mediator} onChange={(event) => setMediator(event.target.checked)} /> Un médiateur accompagne la
          personne
        </label>
        <label>
          Langue{' '}
          <select value={lang} onChange={(event) => setLang(event.target.value === 'en' ? 'en' : 'fr')}>
            <option value="fr">Français</option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
      </div>
      <obs-survey
        definition={definition}
        lang={lang}
        mediator={mediator}
        organisation="exemple-react"
        onobs-survey-complete={(event) => setDone(event.detail)}
      />
      <p className="outcome" role="status">
        {done ? `${lang === 'en' ? 'Survey finished' : 'Enquête terminée'} : ${courses} / ${done.state.courses.length} (${done.state.sessionId})` : ''}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
