import { query, revalidate } from '@solidjs/router';
import { type Abilities, ApiFailure, api, json, type StaffView } from './api.ts';

/** The signed-in staff member and what the server lets them do, or null with whether a session just expired. */
export const getMe = query(
  async (): Promise<{ staff: StaffView | null; abilities: Abilities | null; expired: boolean }> => {
    try {
      const { staff, abilities } = await json(await api.auth.me.$get());
      return { staff, abilities, expired: false };
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401)
        return { staff: null, abilities: null, expired: err.code === 'session_expired' };
      throw err;
    }
  },
  'me',
);

export async function signIn(login: string, password: string): Promise<StaffView> {
  const { staff } = await json(await api.auth.login.$post({ json: { login, password } }));
  await revalidate(getMe.key);
  return staff;
}

export async function signOut(): Promise<void> {
  await json(await api.auth.logout.$post());
  await revalidate(getMe.key);
}
