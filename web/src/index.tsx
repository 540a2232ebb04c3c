import { Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { loadEnglish, prefs } from './lib/prefs.ts';
import { routes } from './routes.ts';
import './styles.css';

const start = () => render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('root')!);
// Chinese readers start at once; English readers wait for their catalogue (never a flash of Chinese).
if (prefs.locale() === 'en') loadEnglish().then(start, start);
else start();
