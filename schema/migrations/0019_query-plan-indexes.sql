CREATE INDEX `meeting_tickets_ticket_idx` ON `meeting_tickets` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `tickets_compound_idx` ON `tickets` (`compound_id`);--> statement-breakpoint
CREATE INDEX `tickets_property_company_idx` ON `tickets` (`property_company_id`);--> statement-breakpoint
CREATE INDEX `events_ends_idx` ON `events` (`ends_at`);--> statement-breakpoint
CREATE INDEX `staff_community_idx` ON `staff` (`community_id`);--> statement-breakpoint
CREATE INDEX `staff_property_company_idx` ON `staff` (`property_company_id`);