import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125125445 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_bidder_block" drop constraint if exists "live_bidder_block_customer_id_unique";`);
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_seq_unique";`);
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_customer_id_idempotency_key_unique";`);
    this.addSql(`alter table if exists "live_auction_event" drop constraint if exists "live_auction_event_auction_id_seq_unique";`);
    this.addSql(`create table if not exists "live_auction" ("id" text not null, "title" text not null, "description" text null, "status" text check ("status" in ('draft', 'scheduled', 'live', 'sold', 'unsold', 'cancelled')) not null default 'draft', "product_variant_id" text null, "show_id" text null, "seller_customer_id" text null, "currency_code" text not null, "starting_price" numeric not null, "reserve_price" numeric null, "buy_now_price" numeric null, "increments" jsonb null, "duration_seconds" integer not null default 30, "soft_close_seconds" integer null, "soft_close_mode" text check ("soft_close_mode" in ('extend', 'reset')) not null default 'reset', "extend_seconds" integer null, "max_extensions" integer null, "extension_count" integer not null default 0, "sudden_death" boolean not null default false, "allow_prebids" boolean not null default true, "scheduled_at" timestamptz null, "started_at" timestamptz null, "ends_at" timestamptz null, "closed_at" timestamptz null, "current_price" numeric null, "leader_customer_id" text null, "leader_max" numeric null, "bid_count" integer not null default 0, "winner_customer_id" text null, "hammer_price" numeric null, "run" integer not null default 1, "seq" integer not null default 0, "metadata" jsonb null, "raw_starting_price" jsonb not null, "raw_reserve_price" jsonb null, "raw_buy_now_price" jsonb null, "raw_current_price" jsonb null, "raw_leader_max" jsonb null, "raw_hammer_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_auction_pkey" primary key ("id"), constraint live_auction_starting_price_check check (starting_price >= 0), constraint live_auction_duration_check check (duration_seconds > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_deleted_at" ON "live_auction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_status_ends_at" ON "live_auction" ("status", "ends_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_show_id_status" ON "live_auction" ("show_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_auction_event" ("id" text not null, "auction_id" text not null, "seq" integer not null, "name" text not null, "payload" jsonb not null, "published_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_auction_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_event_deleted_at" ON "live_auction_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_event_auction_id_seq_unique" ON "live_auction_event" ("auction_id", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_event_created_at" ON "live_auction_event" ("created_at") WHERE published_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_auction_bid" ("id" text not null, "auction_id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('straight', 'max', 'buy_now')) not null, "amount" numeric not null, "price_after" numeric not null, "outcome" text check ("outcome" in ('leading', 'outbid', 'max_raised', 'bought')) not null, "idempotency_key" text not null, "seq" integer not null, "run" integer not null default 1, "is_prebid" boolean not null default false, "raw_amount" jsonb not null, "raw_price_after" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_auction_bid_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id" ON "live_auction_bid" ("auction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_deleted_at" ON "live_auction_bid" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id_customer_id_idempotency_key_unique" ON "live_auction_bid" ("auction_id", "customer_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_auction_bid_auction_id_seq_unique" ON "live_auction_bid" ("auction_id", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_bid_customer_id_created_at" ON "live_auction_bid" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_bidder_block" ("id" text not null, "customer_id" text not null, "reason" text null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_bidder_block_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_bidder_block_deleted_at" ON "live_bidder_block" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_bidder_block_customer_id_unique" ON "live_bidder_block" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_auction_bid" add constraint "live_auction_bid_auction_id_foreign" foreign key ("auction_id") references "live_auction" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_auction_bid" drop constraint if exists "live_auction_bid_auction_id_foreign";`);

    this.addSql(`drop table if exists "live_auction" cascade;`);

    this.addSql(`drop table if exists "live_auction_event" cascade;`);

    this.addSql(`drop table if exists "live_auction_bid" cascade;`);

    this.addSql(`drop table if exists "live_bidder_block" cascade;`);
  }

}
