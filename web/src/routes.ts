import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import Home from './pages/home.tsx';

/** The one route table. The home page ships in the first bundle; the rest load when visited. */
export const routes: RouteDefinition[] = [
  { path: '/', component: Home },
  { path: '*404', component: lazy(() => import('./pages/not-found.tsx')) },
];
