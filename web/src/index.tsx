import { Router } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { UpdateNote } from './components/offline-notes.tsx';
import { startServiceWorker } from './lib/offline.ts';
import { loadEnglish, prefs } from './lib/prefs.ts';
import { routes } from './routes.ts';
import './styles.css';

const root = (props: ParentProps) => (
  <Layout>
    <UpdateNote />
    {props.children}
  </Layout>
);
const start = () => render(() => <Router root={root}>{routes}</Router>, document.getElementById('root')!);
// Chinese readers start at once; English readers wait for their catalogue (never a flash of Chinese).
if (prefs.locale() === 'en') loadEnglish().then(start, start);
else start();
startServiceWorker();
