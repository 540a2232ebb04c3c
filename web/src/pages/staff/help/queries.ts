import { query } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { api, json } from '../../../lib/api.ts';
import type { Words } from '../../../lib/errors.ts';
import { messageKey } from '../../../lib/prefs.ts';

type List = InferResponseType<typeof api.help.households.$get, 200>;
type One = InferResponseType<(typeof api.help.households)[':id']['$get'], 200>;

/** The community's households in difficulty (every reading is audited on the server). */
export const getHouseholds = query(async (): Promise<List> => json(await api.help.households.$get()), 'help-list');
/** One household with the help it got, newest first. */
export const getHousehold = query(
  async (id: string): Promise<One> => json(await api.help.households[':id'].$get({ param: { id } })),
  'help-household',
);
export type Household = One['household'];

/** The help forms' own words, per field. */
export const helpWords: Words = {
  field: (name) => messageKey(`helpErr_${name}`),
};
