import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201232354 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_chat_send_request" drop constraint if exists "live_chat_send_request_customer_id_idempotency_key_unique";`);
    this.addSql(`create table if not exists "live_chat_send_request" ("id" text not null, "customer_id" text not null, "idempotency_key" text not null, "fingerprint" text not null, "response_status" integer not null, "response" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_send_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_send_request_deleted_at" ON "live_chat_send_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_send_request_customer_id_idempotency_key_unique" ON "live_chat_send_request" ("customer_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_send_request_created_at" ON "live_chat_send_request" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_chat_send_request" cascade;`);
  }

}
