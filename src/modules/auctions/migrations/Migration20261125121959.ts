import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125121959 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_seq_unique";`);
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_idempotency_key_unique";`);
    this.addSql(`create table if not exists "live_auction" ("id" text not null, "title" text not null, "description" text null, "status" text check ("status" in ('draft', 'scheduled', 'live', 'sold', 'unsold', 'cancelled')) not null default 'draft', "product_variant_id" text null, "show_id" text null, "currency_code" text not null, "starting_price" numeric not null, "increments" jsonb null, "duration_seconds" integer not null default 30, "scheduled_at" timestamptz null, "started_at" timestamptz null, "ends_at" timestamptz null, "closed_at" timestamptz null, "seq" integer not null default 0, "metadata" jsonb null, "raw_starting_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_auction_pkey" primary key ("id"), constraint live_auction_starting_price_check check (starting_price >= 0), constraint live_auction_duration_check check (duration_seconds > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_deleted_at" ON "live_auction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_status" ON "live_auction" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_show_id_status" ON "live_auction" ("show_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_auction_bid" ("id" text not null, "auction_id" text not null, "customer_id" text not null, "amount" numeric not null, "idempotency_key" text not null, "seq" integer not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_auction_bid_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id" ON "live_auction_bid" ("auction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_deleted_at" ON "live_auction_bid" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id_idempotency_key_unique" ON "live_auction_bid" ("auction_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id_seq_unique" ON "live_auction_bid" ("auction_id", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_customer_id" ON "live_auction_bid" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_auction_bid" add constraint "live_auction_bid_auction_id_foreign" foreign key ("auction_id") references "live_auction" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_foreign";`);

    this.addSql(`drop table if exists "live_auction" cascade;`);

    this.addSql(`drop table if exists "live_auction_bid" cascade;`);
  }

}
