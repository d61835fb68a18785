import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125195704 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_lot_offer" add column if not exists "line_cleared_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_lot_offer" drop column if exists "line_cleared_at";`);
  }

}
