import { Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { Layout } from './components/layout.tsx';
import { routes } from './routes.ts';
import './styles.css';

render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('root')!);
