CREATE TABLE `staff_notices` (
	`id` integer PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ticket_id` integer,
	`ticket_number` text,
	`summary` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`batch_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_notices_dedupe_key_unique` ON `staff_notices` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `staff_notices_pending_idx` ON `staff_notices` (`owner_kind`,`owner_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff_robots` (
	`id` integer PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer NOT NULL,
	`platform` text NOT NULL,
	`webhook_url` text NOT NULL,
	`signing_secret` text,
	`enabled` integer DEFAULT true NOT NULL,
	`lease_id` text,
	`lease_until` integer,
	`next_attempt_at` integer,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_delivery_at` integer,
	`last_delivery_ok` integer,
	`last_delivery_error` text,
	`last_test_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_robots_owner_idx` ON `staff_robots` (`owner_kind`,`owner_id`);