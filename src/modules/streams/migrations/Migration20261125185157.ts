import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125185157 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "live_show" ("id" text not null, "title" text not null, "description" text null, "seller_id" text not null, "status" text check ("status" in ('scheduled', 'live', 'ended', 'cancelled')) not null default 'scheduled', "scheduled_at" timestamptz null, "started_at" timestamptz null, "ended_at" timestamptz null, "playback_url" text null, "thumbnail" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_show_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_show_deleted_at" ON "live_show" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_show_seller_id_status" ON "live_show" ("seller_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_show_status_scheduled_at" ON "live_show" ("status", "scheduled_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_show" cascade;`);
  }

}
