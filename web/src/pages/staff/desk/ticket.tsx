import { createAsync, query, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { TicketDetail } from './ticket-detail.tsx';

export const getDeskTicket = query(
  async (number: string) => json(await api.desk.tickets[':number'].$get({ param: { number } })),
  'desk-ticket',
);
export type DeskTicket = Awaited<ReturnType<typeof getDeskTicket>>;

/** One ticket for staff on its own page (a phone, or a link shared from the workbench). */
export default function StaffTicket() {
  const params = useParams<{ number: string }>();
  const data = createAsync(() => getDeskTicket(params.number));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>{(d) => <TicketDetail data={d()} />}</Show>
      </Suspense>
    </ErrorBoundary>
  );
}
