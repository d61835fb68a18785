import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201131330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_bid_request" drop constraint if exists "live_bid_request_customer_id_idempotency_key_unique";`);
    this.addSql(`create table if not exists "live_bid_request" ("id" text not null, "customer_id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "response_status" integer null, "response" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_bid_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_bid_request_deleted_at" ON "live_bid_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_bid_request_customer_id_idempotency_key_unique" ON "live_bid_request" ("customer_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_bid_request_created_at" ON "live_bid_request" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_bid_request" cascade;`);
  }

}
