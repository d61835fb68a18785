import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201203950 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_chat_room" drop constraint if exists "live_chat_room_show_id_unique";`);
    this.addSql(`alter table if exists "live_chat_removal" drop constraint if exists "live_chat_removal_show_id_customer_id_unique";`);
    this.addSql(`alter table if exists "live_chat_moderator" drop constraint if exists "live_chat_moderator_show_id_customer_id_unique";`);
    this.addSql(`alter table if exists "live_chat_message" drop constraint if exists "live_chat_message_show_id_seq_unique";`);
    this.addSql(`alter table if exists "live_chat_block" drop constraint if exists "live_chat_block_seller_id_customer_id_unique";`);
    this.addSql(`create table if not exists "live_chat_block" ("id" text not null, "seller_id" text not null, "customer_id" text not null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_block_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_block_deleted_at" ON "live_chat_block" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_block_seller_id_customer_id_unique" ON "live_chat_block" ("seller_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_blocked_word" ("id" text not null, "show_id" text null, "word" text not null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_blocked_word_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_blocked_word_deleted_at" ON "live_chat_blocked_word" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_blocked_word_show_id_word" ON "live_chat_blocked_word" ("show_id", "word") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_message" ("id" text not null, "show_id" text not null, "seq" integer not null, "customer_id" text not null, "display_name" text not null, "text" text not null, "kind" text check ("kind" in ('message', 'question')) not null default 'message', "question_state" text check ("question_state" in ('open', 'answered', 'dismissed')) null, "answer_text" text null, "answered_by" text null, "answered_at" timestamptz null, "deleted_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_message_deleted_at" ON "live_chat_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_message_show_id_seq_unique" ON "live_chat_message" ("show_id", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_message_show_id_customer_id_created_at" ON "live_chat_message" ("show_id", "customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_message_show_id_question_state" ON "live_chat_message" ("show_id", "question_state") WHERE question_state IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_moderation_log" ("id" text not null, "show_id" text null, "seller_id" text null, "actor" text not null, "action" text check ("action" in ('delete_message', 'mute', 'unmute', 'remove', 'block', 'unblock', 'pin', 'unpin', 'answer', 'dismiss', 'add_moderator', 'remove_moderator', 'add_blocked_word', 'remove_blocked_word', 'set_slow_mode')) not null, "target_customer_id" text null, "target_message_id" text null, "detail" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_moderation_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_moderation_log_deleted_at" ON "live_chat_moderation_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_moderation_log_show_id_created_at" ON "live_chat_moderation_log" ("show_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_moderation_log_seller_id_created_at" ON "live_chat_moderation_log" ("seller_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_moderator" ("id" text not null, "show_id" text not null, "customer_id" text not null, "added_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_moderator_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_moderator_deleted_at" ON "live_chat_moderator" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_moderator_show_id_customer_id_unique" ON "live_chat_moderator" ("show_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_mute" ("id" text not null, "show_id" text not null, "customer_id" text not null, "until" timestamptz not null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_mute_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_mute_deleted_at" ON "live_chat_mute" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_mute_show_id_customer_id_until" ON "live_chat_mute" ("show_id", "customer_id", "until") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_removal" ("id" text not null, "show_id" text not null, "customer_id" text not null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_removal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_removal_deleted_at" ON "live_chat_removal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_removal_show_id_customer_id_unique" ON "live_chat_removal" ("show_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_chat_room" ("id" text not null, "show_id" text not null, "seller_id" text null, "last_seq" integer not null default 0, "slow_mode_seconds" integer not null default 0, "pinned_message_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_chat_room_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_chat_room_show_id_unique" ON "live_chat_room" ("show_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_chat_room_deleted_at" ON "live_chat_room" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_chat_block" cascade;`);

    this.addSql(`drop table if exists "live_chat_blocked_word" cascade;`);

    this.addSql(`drop table if exists "live_chat_message" cascade;`);

    this.addSql(`drop table if exists "live_chat_moderation_log" cascade;`);

    this.addSql(`drop table if exists "live_chat_moderator" cascade;`);

    this.addSql(`drop table if exists "live_chat_mute" cascade;`);

    this.addSql(`drop table if exists "live_chat_removal" cascade;`);

    this.addSql(`drop table if exists "live_chat_room" cascade;`);
  }

}
