CREATE TABLE `help_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`household_id` integer NOT NULL,
	`given_on` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`staff_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `help_households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `help_entries_household_idx` ON `help_entries` (`household_id`,`given_on`);--> statement-breakpoint
CREATE TABLE `help_households` (
	`id` integer PRIMARY KEY NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	`label` text NOT NULL,
	`phone` text,
	`note` text,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `help_households_community_idx` ON `help_households` (`community_id`);--> statement-breakpoint
CREATE TABLE `renovation_quality_problems` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`description` text NOT NULL,
	`photo_keys` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text,
	`answered_by_staff_id` integer,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `renovation_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `renovation_plan_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `renovation_quality_problems_project_idx` ON `renovation_quality_problems` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `volunteers` (
	`id` integer PRIMARY KEY NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`phone` text NOT NULL,
	`public_consent` integer DEFAULT false NOT NULL,
	`staff_id` integer,
	`removed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteers_compound_idx` ON `volunteers` (`compound_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `volunteers_staff_idx` ON `volunteers` (`staff_id`);--> statement-breakpoint
ALTER TABLE `renovation_wishes` ADD `volunteer_id` integer REFERENCES volunteers(id);--> statement-breakpoint
ALTER TABLE `staff` ADD `compound_id` integer REFERENCES compounds(id);