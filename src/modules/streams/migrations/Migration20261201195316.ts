import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201195316 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_video_webhook" drop constraint if exists "live_video_webhook_event_id_unique";`);
    this.addSql(`create table if not exists "live_video_webhook" ("id" text not null, "event_id" text not null, "event" text not null, "room_name" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_video_webhook_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_video_webhook_event_id_unique" ON "live_video_webhook" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_video_webhook_deleted_at" ON "live_video_webhook" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_show" add column if not exists "preview_url" text null, add column if not exists "room_name" text null, add column if not exists "ingress_id" text null, add column if not exists "ingress_type" text check ("ingress_type" in ('rtmp', 'whip')) null, add column if not exists "ingress_url" text null, add column if not exists "ingress_stream_key" text null, add column if not exists "egress_id" text null, add column if not exists "recording_status" text check ("recording_status" in ('none', 'recording', 'ready', 'failed')) not null default 'none', add column if not exists "recording_url" text null, add column if not exists "publisher_status" text check ("publisher_status" in ('offline', 'connected', 'reconnecting', 'lost')) not null default 'offline', add column if not exists "publisher_changed_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_show_room_name" ON "live_show" ("room_name") WHERE room_name IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_show_egress_id" ON "live_show" ("egress_id") WHERE egress_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_video_webhook" cascade;`);

    this.addSql(`drop index if exists "IDX_live_show_room_name";`);
    this.addSql(`drop index if exists "IDX_live_show_egress_id";`);
    this.addSql(`alter table if exists "live_show" drop column if exists "preview_url", drop column if exists "room_name", drop column if exists "ingress_id", drop column if exists "ingress_type", drop column if exists "ingress_url", drop column if exists "ingress_stream_key", drop column if exists "egress_id", drop column if exists "recording_status", drop column if exists "recording_url", drop column if exists "publisher_status", drop column if exists "publisher_changed_at";`);
  }

}
