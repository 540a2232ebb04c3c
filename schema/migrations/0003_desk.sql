CREATE TABLE `meeting_tickets` (
	`meeting_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`follow_up` text NOT NULL,
	`new_due_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `ticket_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `progress_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `photos` (
	`key` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`size` integer NOT NULL,
	`ticket_id` integer,
	`position` integer,
	`caption` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `photos_ticket_idx` ON `photos` (`ticket_id`,`position`);--> statement-breakpoint
CREATE TABLE `progress_meetings` (
	`id` integer PRIMARY KEY NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`held_at` integer NOT NULL,
	`attendees` text NOT NULL,
	`notes` text NOT NULL,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`community_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`examples` text DEFAULT '' NOT NULL,
	`examples_en` text DEFAULT '' NOT NULL,
	`owner` text NOT NULL,
	`service_days` integer NOT NULL,
	`partner_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_categories_community_code_idx` ON `ticket_categories` (`community_id`,`code`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`ticket_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text,
	`from_status` text,
	`to_status` text,
	`staff_id` integer,
	`actor` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket_idx` ON `ticket_events` (`ticket_id`,`at`);--> statement-breakpoint
CREATE TABLE `ticket_me_toos` (
	`ticket_id` integer NOT NULL,
	`address_hash` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`ticket_id`, `address_hash`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`token_hash` text NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`compound_id` integer,
	`property_company_id` integer,
	`category_id` integer NOT NULL,
	`owner` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`description` text NOT NULL,
	`location` text NOT NULL,
	`name` text,
	`phone` text NOT NULL,
	`photos_public` integer DEFAULT false NOT NULL,
	`due_at` integer NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`duplicate_of_id` integer,
	`me_too` integer DEFAULT 0 NOT NULL,
	`rating` integer,
	`rating_comment` text,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`property_company_id`) REFERENCES `property_companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `ticket_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_unique` ON `tickets` (`number`);--> statement-breakpoint
CREATE INDEX `tickets_community_status_idx` ON `tickets` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_subdistrict_status_idx` ON `tickets` (`subdistrict_id`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_due_idx` ON `tickets` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`response` text NOT NULL,
	`status` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `public_writes` (
	`id` integer PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `public_writes_address_idx` ON `public_writes` (`address`,`kind`,`at`);