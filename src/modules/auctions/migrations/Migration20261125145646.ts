import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125145646 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_auction_event" drop constraint if exists "live_auction_event_show_id_show_seq_unique";`);
    this.addSql(`alter table if exists "live_auction_event" add column if not exists "show_id" text null, add column if not exists "show_seq" integer null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_event_show_id_show_seq_unique" ON "live_auction_event" ("show_id", "show_seq") WHERE show_seq IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_live_auction_event_show_id_show_seq_unique";`);
    this.addSql(`alter table if exists "live_auction_event" drop column if exists "show_id", drop column if exists "show_seq";`);
  }

}
