CREATE TABLE `article_credits` (
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`contribution` text NOT NULL,
	PRIMARY KEY(`article_id`, `position`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `article_photos` (
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`photo_key` text NOT NULL,
	`caption` text,
	PRIMARY KEY(`article_id`, `position`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `article_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`at` integer NOT NULL,
	`staff_id` integer,
	`headline` text NOT NULL,
	`kicker` text,
	`body` text NOT NULL,
	`credits` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_revisions_article_idx` ON `article_revisions` (`article_id`,`at`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY NOT NULL,
	`headline` text NOT NULL,
	`kicker` text,
	`subdistrict_id` integer,
	`community_id` integer,
	`body` text NOT NULL,
	`summary` text NOT NULL,
	`lead_photo_key` text,
	`lead_photo_caption` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_community_idx` ON `articles` (`community_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_subdistrict_idx` ON `articles` (`subdistrict_id`,`status`,`published_at`);