ALTER TABLE `events` ADD `venues` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `groups` integer;