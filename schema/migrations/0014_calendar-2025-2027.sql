-- China's official working calendar, as the State Council published it for 2025 and 2026;
-- 2027 holds only the statutory holidays (全国年节及纪念日放假办法) until its notice is entered.
INSERT INTO calendar_days (day, kind, name) VALUES
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-26', 'workday', '春节'),
  ('2025-01-28', 'holiday', '春节'),
  ('2025-01-29', 'holiday', '春节'),
  ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'),
  ('2025-02-01', 'holiday', '春节'),
  ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'),
  ('2025-02-04', 'holiday', '春节'),
  ('2025-02-08', 'workday', '春节'),
  ('2025-04-04', 'holiday', '清明节'),
  ('2025-04-05', 'holiday', '清明节'),
  ('2025-04-06', 'holiday', '清明节'),
  ('2025-04-27', 'workday', '劳动节'),
  ('2025-05-01', 'holiday', '劳动节'),
  ('2025-05-02', 'holiday', '劳动节'),
  ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'),
  ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'),
  ('2025-06-01', 'holiday', '端午节'),
  ('2025-06-02', 'holiday', '端午节'),
  ('2025-09-28', 'workday', '国庆节、中秋节'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'),
  ('2025-10-02', 'holiday', '国庆节、中秋节'),
  ('2025-10-03', 'holiday', '国庆节、中秋节'),
  ('2025-10-04', 'holiday', '国庆节、中秋节'),
  ('2025-10-05', 'holiday', '国庆节、中秋节'),
  ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'),
  ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-10-11', 'workday', '国庆节、中秋节'),
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦'),
  ('2026-02-14', 'workday', '春节'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节'),
  ('2027-01-01', 'holiday', '元旦'),
  ('2027-02-05', 'holiday', '春节'),
  ('2027-02-06', 'holiday', '春节'),
  ('2027-02-07', 'holiday', '春节'),
  ('2027-02-08', 'holiday', '春节'),
  ('2027-04-05', 'holiday', '清明节'),
  ('2027-05-01', 'holiday', '劳动节'),
  ('2027-05-02', 'holiday', '劳动节'),
  ('2027-06-09', 'holiday', '端午节'),
  ('2027-09-15', 'holiday', '中秋节'),
  ('2027-10-01', 'holiday', '国庆节'),
  ('2027-10-02', 'holiday', '国庆节'),
  ('2027-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_years (year, status, source, updated_at) VALUES
  (2025, 'published', '国务院办公厅关于2025年部分节假日安排的通知', 1731024000000),
  (2026, 'published', '国务院办公厅关于2026年部分节假日安排的通知', 1762214400000),
  (2027, 'provisional', '全国年节及纪念日放假办法（法定假日，未含调休）', 1764547200000);
--> statement-breakpoint
-- Tickets filed before the first-response clock: one day to respond, and the first acceptance or
-- public staff reply as the response.
UPDATE tickets SET first_response_due_at = created_at + 86400000 WHERE first_response_due_at IS NULL;
--> statement-breakpoint
UPDATE tickets SET first_response_at = (
  SELECT min(e.at) FROM ticket_events e
  WHERE e.ticket_id = tickets.id AND (e.kind = 'accepted' OR (e.kind = 'note' AND e.visibility = 'public' AND e.actor = 'staff'))
) WHERE first_response_at IS NULL;
--> statement-breakpoint
-- Joint tickets filed before parts existed get a part for each side, in the ticket's state.
INSERT INTO ticket_parts (ticket_id, side, task, status, due_at, done_at, created_at, updated_at)
SELECT t.id, s.side, s.task,
  CASE WHEN t.status IN ('resolved', 'closed') THEN 'done' WHEN t.status IN ('accepted', 'in_progress') THEN 'working' ELSE 'open' END,
  t.due_at, t.resolved_at, t.created_at, t.updated_at
FROM tickets t, (SELECT 'community' AS side, '' AS task UNION ALL SELECT 'property', '') s
WHERE t.owner = 'joint';
