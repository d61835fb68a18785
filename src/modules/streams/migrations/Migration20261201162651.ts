import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201162651 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_seller" drop constraint if exists "live_seller_handle_unique";`);
    this.addSql(`alter table if exists "live_seller" drop constraint if exists "live_seller_user_id_unique";`);
    this.addSql(`create table if not exists "live_seller" ("id" text not null, "user_id" text not null, "handle" text not null, "display_name" text not null, "avatar_url" text null, "bio" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_seller_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_seller_deleted_at" ON "live_seller" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_seller_user_id_unique" ON "live_seller" ("user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_seller_handle_unique" ON "live_seller" ("handle") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_seller" cascade;`);
  }

}
