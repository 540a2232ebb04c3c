import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import Home from './pages/home.tsx';

/** The one route table. The home page ships in the first bundle; the rest load when visited. */
export const routes: RouteDefinition[] = [
  { path: '/', component: Home },
  { path: '/desk', component: lazy(() => import('./pages/desk/index.tsx')) },
  { path: '/desk/board', component: lazy(() => import('./pages/desk/board.tsx')) },
  { path: '/desk/t/:number', component: lazy(() => import('./pages/desk/tracking.tsx')) },
  { path: '/staff/sign-in', component: lazy(() => import('./pages/staff/sign-in.tsx')) },
  {
    path: '/staff',
    component: lazy(() => import('./pages/staff/layout.tsx')),
    children: [
      { path: '/', component: lazy(() => import('./pages/staff/home.tsx')) },
      { path: '/accounts', component: lazy(() => import('./pages/staff/accounts.tsx')) },
      { path: '/desk', component: lazy(() => import('./pages/staff/desk/queue.tsx')) },
      { path: '/desk/:number', component: lazy(() => import('./pages/staff/desk/ticket.tsx')) },
      { path: '/supervision', component: lazy(() => import('./pages/staff/desk/supervision.tsx')) },
      { path: '/stats', component: lazy(() => import('./pages/staff/desk/stats.tsx')) },
    ],
  },
  { path: '*404', component: lazy(() => import('./pages/not-found.tsx')) },
];
