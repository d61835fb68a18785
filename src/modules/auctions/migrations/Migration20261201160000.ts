import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Off-session charge attempts per offer (issue #14: a failed, undone charge is retried once). */
export class Migration20261201160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_lot_offer" add column if not exists "charge_attempts" integer not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_lot_offer" drop column if exists "charge_attempts";`)
  }
}
