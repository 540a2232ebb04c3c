CREATE TABLE `renovation_agenda_items` (
	`meeting_id` integer NOT NULL,
	`wish_id` integer NOT NULL,
	`position` integer NOT NULL,
	`decision` text,
	`decision_note` text,
	`decision_item_id` integer,
	`deferred_to` text,
	PRIMARY KEY(`meeting_id`, `wish_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `renovation_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wish_id`) REFERENCES `renovation_wishes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_item_id`) REFERENCES `renovation_plan_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_agenda_wish_idx` ON `renovation_agenda_items` (`wish_id`);--> statement-breakpoint
CREATE TABLE `renovation_item_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_id` integer NOT NULL,
	`at` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`staff_id` integer,
	FOREIGN KEY (`item_id`) REFERENCES `renovation_plan_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_item_changes_item_idx` ON `renovation_item_changes` (`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `renovation_meetings` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`type` text NOT NULL,
	`parties` text NOT NULL,
	`minutes` text,
	`minutes_at` integer,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_meetings_project_idx` ON `renovation_meetings` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `renovation_meetings_event_idx` ON `renovation_meetings` (`event_id`);--> statement-breakpoint
CREATE TABLE `renovation_plan_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`status_reason` text,
	`before_photo_key` text,
	`after_photo_key` text,
	`expected_on` text,
	`done_on` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_plan_items_project_idx` ON `renovation_plan_items` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `renovation_project_articles` (
	`project_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `article_id`),
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `renovation_project_partners` (
	`project_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`project_id`, `partner_id`, `role`),
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `renovation_projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'consulting' NOT NULL,
	`led_by` text DEFAULT 'community' NOT NULL,
	`working_group` text DEFAULT '[]' NOT NULL,
	`consultation_starts_on` text,
	`plan_agreed_on` text,
	`construction_starts_on` text,
	`completed_on` text,
	`demo` integer DEFAULT false NOT NULL,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_projects_community_idx` ON `renovation_projects` (`community_id`);--> statement-breakpoint
CREATE INDEX `renovation_projects_compound_idx` ON `renovation_projects` (`compound_id`);--> statement-breakpoint
CREATE TABLE `renovation_wish_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`wish_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`outcome` text,
	`body` text,
	`item_id` integer,
	`meeting_id` integer,
	`actor` text NOT NULL,
	`staff_id` integer,
	FOREIGN KEY (`wish_id`) REFERENCES `renovation_wishes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_wish_entries_wish_idx` ON `renovation_wish_entries` (`wish_id`,`at`);--> statement-breakpoint
CREATE TABLE `renovation_wish_me_toos` (
	`wish_id` integer NOT NULL,
	`address_hash` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`wish_id`, `address_hash`),
	FOREIGN KEY (`wish_id`) REFERENCES `renovation_wishes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `renovation_wishes` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`token_hash` text NOT NULL,
	`project_id` integer NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	`item_id` integer,
	`kind` text NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`description` text NOT NULL,
	`location` text,
	`name` text,
	`phone` text NOT NULL,
	`photos_public` integer DEFAULT false NOT NULL,
	`listed` integer DEFAULT true NOT NULL,
	`me_too` integer DEFAULT 0 NOT NULL,
	`outcome` text DEFAULT 'received' NOT NULL,
	`outcome_note` text,
	`outcome_item_id` integer,
	`outcome_meeting_id` integer,
	`merged_into_id` integer,
	`expected_on` text,
	`deferred_to` text,
	`answered_at` integer,
	`outcome_at` integer,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `renovation_plan_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outcome_item_id`) REFERENCES `renovation_plan_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `renovation_wishes_number_unique` ON `renovation_wishes` (`number`);--> statement-breakpoint
CREATE INDEX `renovation_wishes_project_idx` ON `renovation_wishes` (`project_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `renovation_wishes_community_idx` ON `renovation_wishes` (`community_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `photos` ADD `wish_id` integer REFERENCES renovation_wishes(id);--> statement-breakpoint
CREATE INDEX `photos_wish_idx` ON `photos` (`wish_id`,`position`);