import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201162652 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_auction" add column if not exists "position" integer null, add column if not exists "seller_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_show_id_position" ON "live_auction" ("show_id", "position") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_auction_seller_id_created_at" ON "live_auction" ("seller_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_lot_offer" add column if not exists "seller_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_seller_id_status" ON "live_lot_offer" ("seller_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lot_offer_order_id" ON "live_lot_offer" ("order_id") WHERE deleted_at IS NULL;`);

    // Written by hand: lots already in a show belong to its seller and take their place in its
    // lineup in the order they were made; offers follow their lot. The show table is the streams
    // module's, which may not be migrated yet on a fresh database (then there is nothing to fill).
    this.addSql(`do $$ begin
      if to_regclass('live_show') is not null then
        update live_auction a set seller_id = s.seller_id from live_show s where a.show_id = s.id and a.seller_id is null;
      end if;
    end $$;`);
    this.addSql(`update live_auction a set position = o.position - 1 from (
      select id, row_number() over (partition by show_id order by created_at, id) as position
      from live_auction where show_id is not null) o
      where a.id = o.id and a.position is null;`);
    this.addSql(`update live_lot_offer o set seller_id = a.seller_id from live_auction a where o.auction_id = a.id and o.seller_id is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_live_auction_show_id_position";`);
    this.addSql(`drop index if exists "IDX_live_auction_seller_id_created_at";`);
    this.addSql(`alter table if exists "live_auction" drop column if exists "position", drop column if exists "seller_id";`);

    this.addSql(`drop index if exists "IDX_live_lot_offer_seller_id_status";`);
    this.addSql(`drop index if exists "IDX_live_lot_offer_order_id";`);
    this.addSql(`alter table if exists "live_lot_offer" drop column if exists "seller_id";`);
  }

}
