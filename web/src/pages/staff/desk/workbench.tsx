import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, Show, Suspense } from 'solid-js';
import { Loading } from '../../../components/states.tsx';
import { api } from '../../../lib/api.ts';
import { t } from '../../../lib/prefs.ts';
import { ExportControl } from '../export-control.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { type Filters, getQueue, type QueueRow } from './queue-query.ts';
import { parseSort, sortRows } from './queue-row.ts';
import { QueueTable } from './queue-table.tsx';
import { ariaKeys, Kbd, type Shortcut, ShortcutHelp, useShortcuts } from './shortcuts.tsx';
import { TicketPane } from './ticket-pane.tsx';

type Params = Filters & { t?: string; sort?: string };
type Category = QueueRow['category'];

/** Opens an action's form in the pane and puts the cursor in its text box. */
function openAction(pane: HTMLElement, name: string, field: string) {
  const details = pane.querySelector<HTMLDetailsElement>(`#action-${name}`);
  if (!details) return false;
  details.open = true;
  const box = pane.querySelector<HTMLElement>(`#${field}`);
  box?.focus();
  box?.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/**
 * The joint desk's PC: the queue as a table on the left, the chosen ticket (`?t=`) with its
 * actions on the right, single-key shortcuts for the common steps.
 */
export function Workbench() {
  const [params, setParams] = useSearchParams<Params>();
  const navigate = useNavigate();
  const queue = createAsync(() =>
    getQueue({
      status: params.status,
      owner: params.owner,
      category: params.category,
      overdue: params.overdue,
      view: params.view,
      limit: '200',
    }),
  );
  // The rows as shown (sorted), told by the table: read here, the queue would suspend the whole staff area.
  const [rows, setRows] = createSignal<QueueRow[]>([]);
  // The category filter offers the categories the queue has shown (they differ by community).
  const [categories, setCategories] = createSignal<Category[]>([]);
  const seen = (list: QueueRow[]) => {
    setRows(list);
    const known = new Map(categories().map((c) => [c.code, c]));
    for (const row of list) if (!known.has(row.category.code)) known.set(row.category.code, row.category);
    if (known.size > categories().length) setCategories([...known.values()]);
  };

  const [helpOpen, setHelpOpen] = createSignal(false);
  const [said, setSaid] = createSignal('');
  let pane!: HTMLElement;
  const hrefFor = (number: string) => `?${new URLSearchParams({ ...clean(params), t: number })}`;
  /** Chooses a ticket; stepping with j/k replaces the history entry, so Back leaves the workbench, not a row. */
  const select = (number: string, replace = false) => {
    setSaid('');
    setParams({ t: number }, { replace });
    queueMicrotask(() =>
      document.querySelector(`.queue-table tr[data-number="${number}"]`)?.scrollIntoView?.({ block: 'nearest' }),
    );
  };
  const move = (step: 1 | -1) => {
    const list = rows();
    if (!list.length) return;
    const at = list.findIndex((r) => r.number === params.t);
    const next = at < 0 ? list[0]! : list[Math.min(list.length - 1, Math.max(0, at + step))]!;
    select(next.number, true);
  };
  const unavailable = (name: Shortcut) => setSaid(t('shortcutUnavailable', { action: t(`act_${name}` as 'act_note') }));
  useShortcuts((name) => {
    if (name === 'next' || name === 'prev') move(name === 'next' ? 1 : -1);
    else if (name === 'help') setHelpOpen(!helpOpen());
    else if (name === 'file') navigate('/staff/desk/new');
    else if (name === 'accept') {
      const form = pane.querySelector<HTMLFormElement>('#action-accept form');
      if (form) form.requestSubmit();
      else unavailable('accept');
    } else if (name === 'note') {
      if (!openAction(pane, 'note', 'act-note-body')) unavailable('note');
    } else if (name === 'resolve') {
      if (!openAction(pane, 'resolve', 'act-resolve-note')) unavailable('resolve');
    }
    return true;
  });

  return (
    <div class="workbench">
      <div class="workbench-head">
        <h1>{t('queueTitle')}</h1>
        <QueueFilters categories={categories()} />
        <A class="button" href="/staff/desk/new" aria-keyshortcuts={ariaKeys('file')}>
          {t('fileOnBehalf')}
          <Kbd keys={['F']} />
        </A>{' '}
        <A class="button button-secondary" href="/staff/follow-ups">
          {t('followUpsLink')}
        </A>
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={helpOpen()}
          aria-keyshortcuts={ariaKeys('help')}
          onClick={() => setHelpOpen(!helpOpen())}
        >
          {t('shortcutsTitle')}
          <Kbd keys={['?']} />
        </button>
      </div>
      <ExportControl
        ability="desk.export"
        title="exportTickets"
        href={(query) => `/api${api.desk.export.$path({ query })}`}
      />
      <ShortcutHelp open={helpOpen()} />
      <div class="workbench-panes">
        <div class="workbench-queue">
          <Suspense fallback={<Loading />}>
            <QueueSection
              queue={queue}
              sort={params.sort}
              selected={params.t}
              hrefFor={hrefFor}
              onSelect={select}
              onRows={seen}
            />
          </Suspense>
        </div>
        <TicketPane
          number={params.t}
          said={said()}
          ref={(el) => {
            pane = el;
          }}
        />
      </div>
    </div>
  );
}

/** The table, under the queue's own Suspense: it sorts the rows and tells the workbench what it shows. */
function QueueSection(props: {
  queue: () => { tickets: QueueRow[] } | undefined;
  sort: string | undefined;
  selected: string | undefined;
  hrefFor: (number: string) => string;
  onSelect: (number: string) => void;
  onRows: (rows: QueueRow[]) => void;
}) {
  const rows = createMemo(() => sortRows(props.queue()?.tickets ?? [], parseSort(props.sort)));
  createEffect(on(rows, (list) => props.onRows(list)));
  return (
    <Show when={props.queue()}>
      <Show when={rows().length} fallback={<p>{t('queueEmpty')}</p>}>
        <QueueTable
          rows={rows()}
          selected={props.selected}
          hrefFor={props.hrefFor}
          onSelect={props.onSelect}
          caption={
            <>
              {t('queueCaption', { count: rows().length })}{' '}
              <span class="muted">
                <Kbd keys={['J', 'K']} /> {t('shortcutMove')}
              </span>
            </>
          }
        />
      </Show>
    </Show>
  );
}

/** The URL's parameters without the empty ones. */
const clean = (params: Params) =>
  Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && !!e[1]));
