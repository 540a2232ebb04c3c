import { A, useSearchParams } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { StatusBadge } from '../../../components/timeline.tsx';
import type { MessageKey } from '../../../lib/messages.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import type { QueueRow } from './queue-query.ts';
import { ageDays, dueWords, ownerWords, parseSort, type SortKey } from './queue-row.ts';

const columns: { key: SortKey; words: MessageKey }[] = [
  { key: 'number', words: 'colNumber' },
  { key: 'category', words: 'categoryShort' },
  { key: 'owner', words: 'colOwnerParts' },
  { key: 'status', words: 'filterStatus' },
  { key: 'due', words: 'colDue' },
  { key: 'age', words: 'colAge' },
  { key: 'assignee', words: 'colAssignee' },
];

/** A column header that sorts by its column: ascending first, then descending; kept in the URL. */
function SortHeader(props: { col: SortKey; words: MessageKey }) {
  const [params, setParams] = useSearchParams<{ sort?: string }>();
  const sort = () => parseSort(params.sort);
  const state = () => (sort()?.key === props.col ? (sort()!.desc ? 'descending' : 'ascending') : undefined);
  return (
    <th scope="col" aria-sort={state()}>
      <button
        type="button"
        class="sort-button"
        onClick={() => setParams({ sort: state() === 'ascending' ? `-${props.col}` : props.col })}
      >
        {t(props.words)}
        <span class="sort-mark" aria-hidden="true">
          {state() === 'ascending' ? '▲' : state() === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function Row(props: { row: QueueRow; selected: boolean; now: number; href: string; onSelect: () => void }) {
  const owner = () => ownerWords(props.row);
  // A click anywhere on the row chooses it; the number is the link, for keyboards and new tabs.
  const click: JSX.EventHandler<HTMLTableRowElement, MouseEvent> = (e) => {
    if (!(e.target as HTMLElement).closest('a')) props.onSelect();
  };
  return (
    <tr
      classList={{ selected: props.selected, overdue: props.row.overdue }}
      aria-selected={props.selected}
      aria-current={props.selected ? 'true' : undefined}
      data-number={props.row.number}
      onClick={click}
    >
      <td class="col-number">
        <A href={props.href} class="ticket-number">
          {props.row.number}
        </A>
        <span class="row-description" title={props.row.description}>
          {props.row.description}
        </span>
      </td>
      <td>{placeName(props.row.category)}</td>
      <td>
        {owner().owner}
        <For each={owner().parts}>{(p) => <span class="row-part">{p}</span>}</For>
      </td>
      <td class="col-status">
        <StatusBadge status={props.row.status} />
        <Show when={props.row.flagged}>
          <span class="row-flag">⚑ {t('flagged')}</span>
        </Show>
      </td>
      <td class="col-due" classList={{ 'is-overdue': props.row.overdue }}>
        <Show when={props.row.overdue}>{'⚠\u00a0'}</Show>
        {dueWords(props.row)}
      </td>
      <td class="col-age">{t('ageShort', { days: ageDays(props.row, props.now) })}</td>
      <td>{props.row.assignee?.name ?? <span class="muted">—</span>}</td>
    </tr>
  );
}

/** The queue as a dense table: one row a ticket, sortable by each column, the chosen one marked. */
export function QueueTable(props: {
  rows: QueueRow[];
  selected: string | undefined;
  hrefFor: (number: string) => string;
  onSelect: (number: string) => void;
  caption: JSX.Element;
}) {
  const now = Date.now();
  return (
    <table class="queue-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <For each={columns}>{(c) => <SortHeader col={c.key} words={c.words} />}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <Row
              row={row}
              selected={row.number === props.selected}
              now={now}
              href={props.hrefFor(row.number)}
              onSelect={() => props.onSelect(row.number)}
            />
          )}
        </For>
      </tbody>
    </table>
  );
}
