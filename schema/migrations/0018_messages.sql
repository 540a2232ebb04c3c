CREATE TABLE `message_optins` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`phone` text NOT NULL,
	`stop_nonce` text NOT NULL,
	`stop_token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`stopped_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_optins_stop_token_hash_unique` ON `message_optins` (`stop_token_hash`);--> statement-breakpoint
CREATE INDEX `message_optins_subject_idx` ON `message_optins` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `message_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`optin_id` integer NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`dedupe_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`sent_at` integer,
	`provider_ref` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`optin_id`) REFERENCES `message_optins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_outbox_dedupe_idx` ON `message_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `message_outbox_due_idx` ON `message_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `message_outbox_optin_idx` ON `message_outbox` (`optin_id`);