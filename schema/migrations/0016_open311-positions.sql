CREATE TABLE `open311_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`app` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`hourly_limit` integer NOT NULL,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open311_keys_key_hash_unique` ON `open311_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `open311_keys_created_idx` ON `open311_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `lat` real;--> statement-breakpoint
ALTER TABLE `tickets` ADD `long` real;--> statement-breakpoint
ALTER TABLE `tickets` ADD `partner_app` text;