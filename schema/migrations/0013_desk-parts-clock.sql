CREATE TABLE `calendar_days` (
	`day` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_staff_id` integer,
	FOREIGN KEY (`updated_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_disputes` (
	`id` integer PRIMARY KEY NOT NULL,
	`ticket_id` integer NOT NULL,
	`part_id` integer,
	`reason` text NOT NULL,
	`raised_by_staff_id` integer,
	`raised_at` integer NOT NULL,
	`decide_by` integer NOT NULL,
	`decided_at` integer,
	`decided_by_staff_id` integer,
	`decision` text,
	`decision_note` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `ticket_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_disputes_ticket_idx` ON `ticket_disputes` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_disputes_open_idx` ON `ticket_disputes` (`decided_at`);--> statement-breakpoint
CREATE TABLE `ticket_extensions` (
	`id` integer PRIMARY KEY NOT NULL,
	`ticket_id` integer NOT NULL,
	`part_id` integer,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`requested_by_staff_id` integer,
	`requested_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_staff_id` integer,
	`decided_at` integer,
	`decision_note` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `ticket_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_extensions_ticket_idx` ON `ticket_extensions` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_extensions_status_idx` ON `ticket_extensions` (`status`);--> statement-breakpoint
CREATE TABLE `ticket_parts` (
	`id` integer PRIMARY KEY NOT NULL,
	`ticket_id` integer NOT NULL,
	`side` text NOT NULL,
	`task` text NOT NULL,
	`assignee_staff_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`due_at` integer NOT NULL,
	`refusals` integer DEFAULT 0 NOT NULL,
	`decided` integer DEFAULT false NOT NULL,
	`done_at` integer,
	`done_note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_parts_ticket_idx` ON `ticket_parts` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_parts_assignee_idx` ON `ticket_parts` (`assignee_staff_id`);--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `clock` text DEFAULT 'working_days' NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `service_hours` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `response_days` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `response_hours` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_me_toos` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `ticket_me_toos` ADD `rated_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `assignee_staff_id` integer REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `tickets` ADD `handoffs` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `pause_reason` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `pause_note` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `first_response_due_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `first_response_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_due_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_result` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_comment` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `follow_up_staff_id` integer REFERENCES staff(id);--> statement-breakpoint
CREATE INDEX `tickets_community_created_idx` ON `tickets` (`community_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_subdistrict_created_idx` ON `tickets` (`subdistrict_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_created_idx` ON `tickets` (`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_follow_up_idx` ON `tickets` (`follow_up_due_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee_idx` ON `tickets` (`assignee_staff_id`);--> statement-breakpoint
CREATE INDEX `tickets_duplicate_of_idx` ON `tickets` (`duplicate_of_id`);