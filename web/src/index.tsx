import { Router } from '@solidjs/router';
import { lazy, type ParentProps, Show, Suspense } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { UpdateNote } from './components/offline-notes.tsx';
import { outboxWaiting, startServiceWorker } from './lib/offline.ts';
import { loadEnglish, prefs } from './lib/prefs.ts';
import { routes } from './routes.ts';
import './styles.css';

/** Loaded only while posts filed offline wait on this phone. */
const OutboxNotice = lazy(() => import('./components/outbox-notice.tsx'));

const root = (props: ParentProps) => (
  <Layout>
    <UpdateNote />
    <Show when={outboxWaiting()}>
      <Suspense>
        <OutboxNotice />
      </Suspense>
    </Show>
    {props.children}
  </Layout>
);
const start = () => render(() => <Router root={root}>{routes}</Router>, document.getElementById('root')!);
// Chinese readers start at once; English readers wait for their catalogue (never a flash of Chinese).
if (prefs.locale() === 'en') loadEnglish().then(start, start);
else start();
startServiceWorker();
