CREATE TABLE `event_series` (
	`id` integer PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `event_signups` (
	`id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`seats` integer NOT NULL,
	`status` text NOT NULL,
	`promoted_at` integer,
	`cancelled_at` integer,
	`cancelled_by` text,
	`checked_in_at` integer,
	`checked_in_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_signups_event_status_idx` ON `event_signups` (`event_id`,`status`);--> statement-breakpoint
CREATE INDEX `event_signups_event_phone_idx` ON `event_signups` (`event_id`,`phone`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY NOT NULL,
	`series_id` integer,
	`session_number` integer,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer,
	`speaker` text,
	`description` text DEFAULT '' NOT NULL,
	`channel` text NOT NULL,
	`join_url` text,
	`venue` text NOT NULL,
	`compound_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer,
	`signup_open` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`summary` text,
	`attendance` integer,
	`article_id` integer,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `event_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_community_starts_idx` ON `events` (`community_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_subdistrict_starts_idx` ON `events` (`subdistrict_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_series_idx` ON `events` (`series_id`);