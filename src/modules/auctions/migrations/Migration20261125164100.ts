import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125164100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_lot_offer" drop constraint if exists "live_lot_offer_auction_id_run_unique";`);
    this.addSql(`alter table if exists "live_lot_offer" drop constraint if exists "live_lot_offer_auction_id_run_rank_unique";`);
    this.addSql(`create table if not exists "live_lot_offer" ("id" text not null, "auction_id" text not null, "run" integer not null, "rank" integer not null, "customer_id" text not null, "amount" numeric not null, "currency_code" text not null, "show_id" text null, "status" text check ("status" in ('pending', 'paid', 'expired', 'cancelled')) not null default 'pending', "due_at" timestamptz not null, "reminders_sent" integer not null default 0, "cart_id" text null, "cart_error" text null, "cart_attempts" integer not null default 0, "charge_status" text null, "charge_error" text null, "order_id" text null, "paid_at" timestamptz null, "closed_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_lot_offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_deleted_at" ON "live_lot_offer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_lot_offer_auction_id_run_rank_unique" ON "live_lot_offer" ("auction_id", "run", "rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_lot_offer_auction_id_run_unique" ON "live_lot_offer" ("auction_id", "run") WHERE status IN ('pending', 'paid') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_status_due_at" ON "live_lot_offer" ("status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_customer_id_status" ON "live_lot_offer" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_cart_id" ON "live_lot_offer" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_auction" add column if not exists "region_id" text null, add column if not exists "sales_channel_id" text null, add column if not exists "payment_window_seconds" integer null, add column if not exists "runner_up_depth" integer null, add column if not exists "order_id" text null, add column if not exists "settlement_status" text check ("settlement_status" in ('awaiting_payment', 'offered_to_runner_up', 'paid', 'forfeited')) null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_status" ON "live_auction" ("status") WHERE settlement_status IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_lot_offer" cascade;`);

    this.addSql(`drop index if exists "IDX_live_auction_status";`);
    this.addSql(`alter table if exists "live_auction" drop column if exists "region_id", drop column if exists "sales_channel_id", drop column if exists "payment_window_seconds", drop column if exists "runner_up_depth", drop column if exists "order_id", drop column if exists "settlement_status";`);
  }

}
