import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { loadStaffWords } from './lib/prefs.ts';
import Home from './pages/home.tsx';
import {
  preloadArticle,
  preloadBoard,
  preloadDesk,
  preloadEvent,
  preloadEvents,
  preloadHome,
  preloadHomeVisits,
  preloadNews,
  preloadProject,
  preloadTracking,
} from './preload.ts';

/**
 * A staff page: its code and the staff words (messages-staff.ts, once) arrive together, so no
 * staff page ever renders before its words, whichever staff link is opened first.
 */
const staffPage: typeof lazy = (page) => lazy(() => Promise.all([page(), loadStaffWords()]).then(([m]) => m));

/**
 * The one route table. The home page ships in the first bundle; the rest load when visited,
 * their data fetched alongside their code (preload.ts).
 */
export const routes: RouteDefinition[] = [
  { path: '/', component: Home, preload: preloadHome },
  { path: '/news', component: lazy(() => import('./pages/news/index.tsx')), preload: preloadNews },
  { path: '/news/:id', component: lazy(() => import('./pages/news/article.tsx')), preload: preloadArticle },
  { path: '/events', component: lazy(() => import('./pages/events/index.tsx')), preload: preloadEvents },
  { path: '/events/signup/:id', component: lazy(() => import('./pages/events/signup.tsx')) },
  { path: '/events/:id', component: lazy(() => import('./pages/events/event.tsx')), preload: preloadEvent },
  { path: '/desk', component: lazy(() => import('./pages/desk/index.tsx')), preload: preloadDesk },
  { path: '/desk/board', component: lazy(() => import('./pages/desk/board.tsx')), preload: preloadBoard },
  { path: '/desk/t/:number', component: lazy(() => import('./pages/desk/tracking.tsx')), preload: preloadTracking },
  { path: '/renovation', component: lazy(() => import('./pages/renovation/index.tsx')) },
  { path: '/renovation/w/:number', component: lazy(() => import('./pages/renovation/tracking.tsx')) },
  { path: '/renovation/:id', component: lazy(() => import('./pages/renovation/project.tsx')), preload: preloadProject },
  // Home visits (上门服务): the request form and its private tracking page.
  { path: '/home-visits', component: lazy(() => import('./pages/home-visits/index.tsx')), preload: preloadHomeVisits },
  { path: '/home-visits/t/:number', component: lazy(() => import('./pages/home-visits/tracking.tsx')) },
  // The stop link at the end of every text message.
  { path: '/m/stop/:token', component: lazy(() => import('./pages/messages/stop.tsx')) },
  { path: '/staff/sign-in', component: staffPage(() => import('./pages/staff/sign-in.tsx')) },
  {
    path: '/staff',
    component: staffPage(() => import('./pages/staff/layout.tsx')),
    children: [
      { path: '/', component: staffPage(() => import('./pages/staff/home.tsx')) },
      { path: '/accounts', component: staffPage(() => import('./pages/staff/accounts.tsx')) },
      { path: '/news', component: staffPage(() => import('./pages/staff/news/list.tsx')) },
      { path: '/news/:id', component: staffPage(() => import('./pages/staff/news/editor.tsx')) },
      { path: '/events', component: staffPage(() => import('./pages/staff/events/list.tsx')) },
      { path: '/events/new', component: staffPage(() => import('./pages/staff/events/new.tsx')) },
      { path: '/events/:id', component: staffPage(() => import('./pages/staff/events/event.tsx')) },
      { path: '/events/:id/door', component: staffPage(() => import('./pages/staff/events/door.tsx')) },
      { path: '/desk', component: staffPage(() => import('./pages/staff/desk/queue.tsx')) },
      { path: '/desk/new', component: staffPage(() => import('./pages/staff/desk/file-for.tsx')) },
      { path: '/desk/categories', component: staffPage(() => import('./pages/staff/desk/categories.tsx')) },
      { path: '/follow-ups', component: staffPage(() => import('./pages/staff/desk/follow-ups.tsx')) },
      { path: '/desk/:number', component: staffPage(() => import('./pages/staff/desk/ticket.tsx')) },
      { path: '/supervision', component: staffPage(() => import('./pages/staff/desk/supervision.tsx')) },
      { path: '/stats', component: staffPage(() => import('./pages/staff/desk/stats.tsx')) },
      { path: '/calendar', component: staffPage(() => import('./pages/staff/calendar.tsx')) },
      { path: '/robots', component: staffPage(() => import('./pages/staff/robots/index.tsx')) },
      { path: '/open311', component: staffPage(() => import('./pages/staff/open311.tsx')) },
      { path: '/messages', component: staffPage(() => import('./pages/staff/messages.tsx')) },
      // Courtyard renovation (一院一案): projects, plan, wishes, joint meetings.
      { path: '/renovation', component: staffPage(() => import('./pages/staff/renovation/list.tsx')) },
      { path: '/renovation/new', component: staffPage(() => import('./pages/staff/renovation/new-project.tsx')) },
      { path: '/renovation/:id', component: staffPage(() => import('./pages/staff/renovation/project.tsx')) },
      { path: '/renovation/:id/wishes', component: staffPage(() => import('./pages/staff/renovation/wishes.tsx')) },
      {
        path: '/renovation/:id/wishes/:number',
        component: staffPage(() => import('./pages/staff/renovation/wish.tsx')),
      },
      { path: '/renovation/:id/meetings', component: staffPage(() => import('./pages/staff/renovation/meetings.tsx')) },
      {
        path: '/renovation/:id/meetings/:meeting',
        component: staffPage(() => import('./pages/staff/renovation/meeting.tsx')),
      },
      // Home visits for community, sub-district and partner staff.
      { path: '/home-visits', component: staffPage(() => import('./pages/staff/home-visits/queue.tsx')) },
      { path: '/home-visits/partners', component: staffPage(() => import('./pages/staff/home-visits/partners.tsx')) },
      { path: '/home-visits/:number', component: staffPage(() => import('./pages/staff/home-visits/visit.tsx')) },
      // Volunteers (四大员), a volunteer's own page, and neighbourly help (邻里帮扶)
      { path: '/volunteers', component: staffPage(() => import('./pages/staff/volunteers/roster.tsx')) },
      { path: '/volunteer', component: staffPage(() => import('./pages/staff/volunteers/mine.tsx')) },
      { path: '/help', component: staffPage(() => import('./pages/staff/help/households.tsx')) },
      { path: '/help/:id', component: staffPage(() => import('./pages/staff/help/household.tsx')) },
    ],
  },
  { path: '*404', component: lazy(() => import('./pages/not-found.tsx')) },
];
