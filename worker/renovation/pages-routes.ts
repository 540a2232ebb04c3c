import * as z from 'zod/mini';
import { Hono } from '#hono';
import { numericId } from '../lib/fields.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { withShareCard } from '../lib/share-card.ts';
import { loadProject } from './projects.ts';

const projectId = numericId('Not a project id.');
const statusWords = {
  consulting: '征求意见中',
  plan_agreed: '方案已确定',
  under_construction: '施工中',
  completed: '已完工验收',
} as const;

/**
 * A renovation project's page with its share card: a project shared to the courtyard's WeChat
 * group shows its title, stage and how many wishes came true. Anything else under /renovation is
 * the app's own page.
 */
export const renovationPages = new Hono<AppEnv>().get('/renovation/:id{[0-9]+}', async (c, next) => {
  const shell = await c.var.platform.shell();
  if (!shell) return next();
  const id = z.safeParse(projectId, c.req.param('id'));
  const row = id.success ? await loadProject(c.var.db, id.data) : undefined;
  // The web app says "not found" itself; the status tells crawlers.
  if (!row) return c.html(shell, 404);
  const origin = publicOrigin(c);
  const p = row.project;
  c.header('Cache-Control', 'public, no-cache');
  return c.html(
    withShareCard(shell, {
      type: 'website',
      title: p.title,
      description: `${row.compound.name} · ${statusWords[p.status]} · 收到${row.wishCount}条心愿和意见，${row.cameTrueCount}个心愿已成真`,
      url: `${origin}/renovation/${p.id}`,
      image: `${origin}/share.png`,
    }),
    200,
  );
});
